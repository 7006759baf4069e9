using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.Email.Intake;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Mime;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Routing;

namespace Rapport.Tests.Email;

/// <summary>Receiving mail through the inbound API and the intake pipeline: tickets, threading, exactly once, and what is set aside.</summary>
public class MailIntakeTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    [Theory, Providers]
    public async Task ANewMessage_OpensAnEmailTicket_ForItsSender_WithItsFiles_AndTheOriginalKept(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();
        var (_, agent) = await app.SignInAsync(Role.Admin);
        var sender = RapportApp.UniqueEmail("new");
        var mail = Mail.From(sender, "My parcel never arrived", "Hello,\n\nI ordered on Monday and nothing came.\n\nRobin") with
        {
            Attachments = [new OutgoingAttachment("receipt.pdf", "application/pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray())],
        };
        var raw = mail.ToBytes();

        var receipt = await relay.ReceiveAsync(raw);

        Assert.Equal((false, InboundMailStatus.Processed), (receipt.AlreadyReceived, receipt.Status));
        var ticket = await agent.GetTicketAsync(receipt.TicketNumber!.Value);
        Assert.Equal(("My parcel never arrived", Channel.Email), (ticket.Subject, ticket.Channel));
        var message = Assert.Single((await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/messages")).ReadAsync<Page<MessageDto>>()).Items);
        Assert.Equal((Direction.Inbound, "Robin Customer"), (message.Direction, message.AuthorCustomer?.Name));
        Assert.Contains("nothing came", message.BodyText);
        Assert.Equal("receipt.pdf", Assert.Single(message.Attachments).FileName);
        var original = await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/messages/{message.Id}/original");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(raw, await original.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", original.Headers.GetValues("X-Content-Type-Options").Single());
        var (_, changes) = Assert.Single(await agent.TicketEventsAsync(ticket.Number, "email_received"));
        Assert.Equal(sender, changes["from"]?["after"]?.GetValue<string>());
    }

    [Theory, Providers]
    public async Task TheSameMessage_ReceivedAgainAndByTwoWaysAtOnce_IsStoredOnce_AndMakesOneTicket(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();
        var raw = Mail.From(RapportApp.UniqueEmail("twice"), "Invoice 4471 is wrong", "The VAT is charged twice.").ToBytes();

        // Two relays and two pipes deliver it at the same moment; then an MTA retries.
        var ways = Enumerable.Range(0, 4).Select(i => i % 2 == 0
            ? relay.ReceiveAsync(raw)
            : app.WithScopeAsync(async services =>
            {
                var received = (await services.GetRequiredService<ReceiveMail>().ExecuteAsync(new MemoryStream(raw), MailIntakeVia.Pipe, null, default)).Value!;
                return await MailIntakeApi.ReceiptAsync(received, services.GetRequiredService<ProcessInboundMail>(), default);
            }));
        var receipts = await Task.WhenAll(ways);
        var again = await relay.ReceiveAsync(raw);

        Assert.Single(receipts.Select(r => r.Id).Append(again.Id).Distinct());
        Assert.True(again.AlreadyReceived);
        var key = ReceiveMail.DedupeKey(MimeParser.Parse(raw).MessageId, "");
        var (rows, tickets, messages) = await app.WithDbAsync(async d => (
            await d.InboundMails.CountAsync(m => m.DedupeKey == key),
            await d.Tickets.CountAsync(t => t.Subject == "Invoice 4471 is wrong" && t.Number == again.TicketNumber),
            await d.Messages.CountAsync(m => m.TicketNumber == again.TicketNumber)));
        Assert.Equal((1, 1, 1), (rows, tickets, messages));
    }

    [Theory, Providers]
    public async Task AReply_ThreadsByItsReferences_KeepsOnlyTheNewText_AndReopensTheTicket(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();
        var (_, agent) = await app.SignInAsync(Role.Admin);
        var sender = RapportApp.UniqueEmail("thread");
        var first = Mail.From(sender, "Broken kettle", "The kettle stopped working after a week.");
        var opened = await relay.ReceiveAsync(first.ToBytes());
        var number = opened.TicketNumber!.Value;
        await agent.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Could you send a photo?", status = "pending" });

        var reply = Mail.From(sender, "Re: Broken kettle", "Here it is, the light does not come on.\n\nOn Mon, 3 Mar 2031 at 10:00, Support <support@rapport.test> wrote:\n> Could you send a photo?\n") with
        {
            InReplyTo = first.MessageId,
            References = [first.MessageId!],
            MessageId = MessageIds.New("customer.test"),
        };
        var answered = await relay.ReceiveAsync(reply.ToBytes());

        Assert.Equal(number, answered.TicketNumber);
        var ticket = await agent.GetTicketAsync(number);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        var messages = (await (await agent.GetAsync($"/api/v1/tickets/{number}/messages")).ReadAsync<Page<MessageDto>>()).Items;
        Assert.Equal(3, messages.Count);
        Assert.Equal("Here it is, the light does not come on.", messages[^1].BodyText.Trim());
        var (_, changes) = (await agent.TicketEventsAsync(number, "email_received"))[^1];
        Assert.Equal("thread", changes["followUpBy"]?["after"]?.GetValue<string>());
    }

    [Theory, Providers]
    public async Task ATicketToken_ContinuesTheTicket_OnlyForItsRequester(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();
        var (_, agent) = await app.SignInAsync(Role.Admin);
        var requester = RapportApp.UniqueEmail("token");
        var opened = await relay.ReceiveAsync(Mail.From(requester, "Refund request", "Please refund order 88.").ToBytes());
        var number = opened.TicketNumber!.Value;

        var byToken = await relay.ReceiveAsync(Mail.From(requester, $"Still waiting [#{number}]", "Any news?").ToBytes());
        var stranger = await relay.ReceiveAsync(Mail.From(RapportApp.UniqueEmail("stranger"), $"About [#{number}]", "Let me in.").ToBytes());

        Assert.Equal(number, byToken.TicketNumber);
        Assert.NotEqual(number, stranger.TicketNumber);
        var (_, changes) = Assert.Single(await agent.TicketEventsAsync(stranger.TicketNumber!.Value, "email_received"));
        Assert.Contains("requester is someone else", changes["notes"]?["after"]?.ToJsonString());
    }

    [Theory, Providers]
    public async Task ThoseCopiedIn_SeeTheTicket_AndTheirRepliesJoinIt(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();
        var (_, agent) = await app.SignInAsync(Role.Admin);
        var colleague = RapportApp.UniqueEmail("colleague");
        var first = Mail.From(RapportApp.UniqueEmail("boss"), "Office printer contract", "Please renew it; my colleague is copied in.") with
        {
            Cc = [new MailboxAddress("Casey Colleague", colleague)],
        };
        var number = (await relay.ReceiveAsync(first.ToBytes())).TicketNumber!.Value;

        var reply = Mail.From(colleague, "Re: Office printer contract", "And add the second floor too.", "Casey Colleague") with
        {
            InReplyTo = first.MessageId,
            References = [first.MessageId!],
        };
        var answered = await relay.ReceiveAsync(reply.ToBytes());

        Assert.Equal(number, answered.TicketNumber);
        var messages = (await (await agent.GetAsync($"/api/v1/tickets/{number}/messages")).ReadAsync<Page<MessageDto>>()).Items;
        Assert.Equal("Casey Colleague", messages[^1].AuthorCustomer?.Name);
        var casey = await app.WithDbAsync(d => d.CustomerEmails.Where(e => e.Address == colleague).Select(e => e.CustomerId).SingleAsync());
        var portal = app.ClientFor(await app.CreateUserAsync(Role.Customer, customerId: casey));
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync($"/api/v1/tickets/{number}")).StatusCode);
        var (_, copied) = Assert.Single(await agent.TicketEventsAsync(number, "copied_in"));
        Assert.Contains(colleague, copied["ccs"]?["after"]?.ToJsonString());
    }

    [Theory, Providers]
    public async Task ASecondMailWithTheSameSubject_JoinsTheSendersOpenTicket(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();
        var sender = RapportApp.UniqueEmail("subject");
        var opened = await relay.ReceiveAsync(Mail.From(sender, "Login fails", "I cannot sign in.").ToBytes());
        var again = await relay.ReceiveAsync(Mail.From(sender, "RE: AW: Login fails", "It still fails today.").ToBytes());
        var other = await relay.ReceiveAsync(Mail.From(sender, "A new question", "Do you ship abroad?").ToBytes());

        Assert.Equal(opened.TicketNumber, again.TicketNumber);
        Assert.NotEqual(opened.TicketNumber, other.TicketNumber);
    }

    [Theory, Providers]
    public async Task ABounce_OpensNoTicket_AndIsRecordedAsIgnoredWithWhatFailed(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();
        var bounce = BounceFor("<original-1@rapport.test>", "gone@example.org");

        var receipt = await relay.ReceiveAsync(bounce);

        Assert.Equal((InboundMailStatus.Ignored, (long?)null), (receipt.Status, receipt.TicketNumber));
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var row = await (await admin.GetAsync($"/api/v1/mail/inbound/{receipt.Id}")).ReadAsync<InboundMailDto>();
        Assert.Contains("gone@example.org (5.1.1)", row.Reason);
        Assert.Contains("original-1@rapport.test", row.Reason);
    }

    [Theory, Providers]
    public async Task ASenderOverTheLimit_IsHeld_ThenAnAdminMakesATicketOfIt(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var robot = RapportApp.UniqueEmail("robot");
        var receipts = new List<InboundMailReceipt>();
        for (var i = 0; i <= MailFixture.SenderLimit; i++)
            receipts.Add(await relay.ReceiveAsync(Mail.From(robot, $"Alert {i} {Guid.NewGuid():N}", "Disk full.").ToBytes()));

        var held = receipts[^1];
        Assert.Equal(InboundMailStatus.Unprocessable, held.Status);
        var list = await (await admin.GetAsync("/api/v1/mail/inbound?status=unprocessable&limit=100")).ReadAsync<Page<InboundMailDto>>();
        Assert.Contains("possible mail loop", list.Items.Single(m => m.Id == held.Id).Reason);

        var retried = await (await admin.PostAsync($"/api/v1/mail/inbound/{held.Id}/retry", null)).ReadAsync<InboundMailDto>();
        Assert.Equal(InboundMailStatus.Unprocessable, retried.Status);
        var made = await (await admin.PostAsync($"/api/v1/mail/inbound/{held.Id}/ticket", null)).ReadAsync<InboundMailDto>();
        Assert.Equal(InboundMailStatus.Processed, made.Status);
        Assert.NotNull(made.TicketNumber);
        var again = await admin.PostAsync($"/api/v1/mail/inbound/{held.Id}/ticket", null);
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task AMessageWithoutASender_WaitsForAPerson_WithTheReason(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();
        var raw = System.Text.Encoding.ASCII.GetBytes($"Subject: nobody\r\nMessage-ID: <{Guid.NewGuid():N}@nowhere.test>\r\n\r\nWho wrote this?\r\n");

        var receipt = await relay.ReceiveAsync(raw);

        Assert.Equal(InboundMailStatus.Unprocessable, receipt.Status);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        Assert.Contains("no sender", (await (await admin.GetAsync($"/api/v1/mail/inbound/{receipt.Id}")).ReadAsync<InboundMailDto>()).Reason);
        var made = await admin.PostAsync($"/api/v1/mail/inbound/{receipt.Id}/ticket", null);
        await made.ProblemAsync(HttpStatusCode.Conflict);
        var download = await admin.GetAsync($"/api/v1/mail/inbound/{receipt.Id}/raw");
        Assert.Equal(raw, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory, Providers]
    public async Task AStoredMessageNotYetProcessed_IsProcessedByTheRecovery_Once(Db db)
    {
        var app = await fixture.For(db);
        var raw = Mail.From(RapportApp.UniqueEmail("crash"), "Sent just before a crash", "Hello?").ToBytes();
        // Stored, then the process "died" before processing it.
        var stored = await app.WithScopeAsync(async s => (await s.GetRequiredService<ReceiveMail>().ExecuteAsync(new MemoryStream(raw), MailIntakeVia.Pipe, null, default)).Value!);

        fixture.Clock.Now += RecoverReceivedMail.Grace + TimeSpan.FromSeconds(1);
        await app.WithScopeAsync(s => s.GetRequiredService<RecoverReceivedMail>().ExecuteAsync(default));
        await app.WithScopeAsync(s => s.GetRequiredService<RecoverReceivedMail>().ExecuteAsync(default));

        var row = await app.WithDbAsync(d => d.InboundMails.AsNoTracking().SingleAsync(m => m.Id == stored.Id));
        Assert.Equal(InboundMailStatus.Processed, row.Status);
        Assert.Equal(1, await app.WithDbAsync(d => d.Messages.CountAsync(m => m.TicketNumber == row.TicketNumber)));
    }

    [Theory, Providers]
    public async Task TheIntakeToken_CanOnlyDeliverMail_AndOthersCannotDeliverIt(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);

        Assert.Equal(HttpStatusCode.Forbidden, (await relay.GetAsync("/api/v1/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await relay.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await relay.GetAsync("/api/v1/mail/inbound")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.SendAsync(Mail.From(RapportApp.UniqueEmail("x"), "x", "x").ToBytes())).StatusCode);
        var empty = await relay.SendAsync([]);
        await empty.InvalidAsync("message");
    }

    [Theory, Providers]
    public async Task TheDropFolder_ReceivesEmlFiles_MovingThemToDone_OrToFailedWithTheReason(Db db)
    {
        var app = await fixture.For(db);
        var folder = Path.Combine(Path.GetTempPath(), "rapport-tests", "drop-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var subject = "Dropped in the folder " + Guid.NewGuid().ToString("N")[..6];
        await File.WriteAllBytesAsync(Path.Combine(folder, "good.eml"), Mail.From(RapportApp.UniqueEmail("drop"), subject, "From a folder.").ToBytes());
        await File.WriteAllBytesAsync(Path.Combine(folder, "empty.eml"), []);
        var drop = new MailDropFolder(app.Services.GetRequiredService<IServiceScopeFactory>(),
            Microsoft.Extensions.Options.Options.Create(new EmailIntakeOptions { DropFolder = folder }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MailDropFolder>.Instance);

        Assert.Equal(2, await drop.RunOnceAsync(default));

        Assert.Empty(Directory.EnumerateFiles(folder));
        Assert.True(File.Exists(Path.Combine(folder, "done", "good.eml")));
        Assert.Contains("empty", await File.ReadAllTextAsync(Path.Combine(folder, "failed", "empty.eml.reason")));
        Assert.Equal(1, await app.WithDbAsync(d => d.Tickets.CountAsync(t => t.Subject == subject && t.Channel == Channel.Email)));
    }

    private static byte[] BounceFor(string originalId, string recipient) => System.Text.Encoding.ASCII.GetBytes(
        $"From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r\n" +
        $"To: support@rapport.test\r\nSubject: Undelivered Mail Returned to Sender\r\n" +
        $"Message-ID: <{Guid.NewGuid():N}@mx.example.org>\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n" +
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n" +
        "--B\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n\r\n" +
        "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n" +
        $"Final-Recipient: rfc822; {recipient}\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n\r\n" +
        $"--B\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: support@rapport.test\r\nTo: {recipient}\r\nMessage-ID: {originalId}\r\nSubject: Your ticket\r\n\r\n" +
        "--B--\r\n");
}
