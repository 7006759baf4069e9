using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.Email.Intake;
using Rapport.Features.Email.Sending;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Mime;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Email;

/// <summary>
/// The whole conversation by email, through a real SMTP server on loopback: the customer writes, Rapport acknowledges,
/// an agent answers, the customer answers that, and every mail threads back to the one ticket.
/// </summary>
public class MailRoundTripTests(EmailFixture fixture) : IClassFixture<EmailFixture>
{
    [Theory, Providers]
    public async Task ACustomersMail_IsAcknowledged_Answered_AndTheirAnswerThreadsBack(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, sink, agent) = (scenario.App, scenario.Sink, scenario.Client);
        var relay = await app.RelayClientAsync();
        var customer = RapportApp.UniqueEmail("roundtrip");
        var first = Mail.From(customer, "The blender is too loud", "It makes a grinding noise since Tuesday.") with
        {
            To = [new MailboxAddress("Acme Support", scenario.Mailbox.Address)],
        };
        var number = (await relay.ReceiveAsync(first.ToBytes())).TicketNumber!.Value;

        await app.DeliverAsync();
        var ack = MimeParser.Parse(Assert.Single(sink.Received()).Content);
        Assert.Equal(customer, Assert.Single(ack.To).Address);
        Assert.Equal(scenario.Mailbox.Address, ack.From.Single().Address);
        Assert.Contains($"[#{number}]", ack.Subject);
        Assert.Equal(MessageIds.Strip(first.MessageId), ack.InReplyTo);
        Assert.Equal("auto-replied", ack.Headers["Auto-Submitted"]);
        Assert.Empty(ack.Defects);

        var answer = await agent.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Please send it to us; we will **replace** it." });
        answer.EnsureSuccessStatusCode();
        await app.DeliverAsync();
        var reply = MimeParser.Parse(sink.Received().Single(m => m.Text.Contains("replace", StringComparison.Ordinal)).Content);
        Assert.Equal(customer, Assert.Single(reply.To).Address);
        Assert.Contains($"[#{number}]", reply.Subject);
        Assert.Equal(MessageIds.Strip(first.MessageId), reply.InReplyTo);
        Assert.Contains(MessageIds.Strip(first.MessageId), reply.References);
        Assert.Contains("replace", reply.TextBody);

        // The customer answers the reply from their mail client, as an MTA pipe would hand it over.
        var theirs = Mail.From(customer, "Re: " + reply.Subject, "Sent it today.\n\nOn Tue, 4 Mar 2031 at 10:00, Support wrote:\n" + string.Join("\n", reply.TextBody!.Split('\n').Select(l => "> " + l))) with
        {
            InReplyTo = "<" + reply.MessageId + ">",
            References = ["<" + reply.MessageId + ">"],
        };
        var received = await app.WithScopeAsync(async s =>
        {
            var stored = (await s.GetRequiredService<ReceiveMail>().ExecuteAsync(new MemoryStream(theirs.ToBytes()), MailIntakeVia.Pipe, null, default)).Value!;
            return await MailIntakeApi.ReceiptAsync(stored, s.GetRequiredService<ProcessInboundMail>(), default);
        });

        Assert.Equal(number, received.TicketNumber);
        var messages = (await (await agent.GetAsync($"/api/v1/tickets/{number}/messages")).ReadAsync<Page<MessageDto>>()).Items;
        Assert.Equal(["It makes a grinding noise since Tuesday.", "Sent it today."], messages.Where(m => m.Direction == Direction.Inbound).Select(m => m.BodyText.Trim()));
        // A reply to a reply is no new request: nothing more is acknowledged.
        await app.DeliverAsync();
        Assert.Equal(2, sink.Received().Count);
    }

    [Theory, Providers]
    public async Task AnAutoReply_IsNotAcknowledged_AndABounceOfOurReply_MarksItFailedOnTheTicket(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, sink, agent) = (scenario.App, scenario.Sink, scenario.Client);
        var relay = await app.RelayClientAsync();
        var customer = RapportApp.UniqueEmail("away");
        var outOfOffice = Mail.From(customer, "Automatic reply: your order", "I am away until Monday.") with
        {
            To = [new MailboxAddress(null, scenario.Mailbox.Address)],
            Headers = [new("Auto-Submitted", "auto-replied")],
        };
        var number = (await relay.ReceiveAsync(outOfOffice.ToBytes())).TicketNumber!.Value;
        await app.DeliverAsync();
        Assert.Empty(sink.Received());

        (await agent.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Noted, thank you." })).EnsureSuccessStatusCode();
        await app.DeliverAsync();
        var reply = MimeParser.Parse(Assert.Single(sink.Received()).Content);
        var bounce = System.Text.Encoding.ASCII.GetBytes(
            $"From: MAILER-DAEMON@mx.customer.test\r\nTo: {scenario.Mailbox.Address}\r\nSubject: Undelivered Mail Returned to Sender\r\n" +
            $"Message-ID: <{Guid.NewGuid():N}@mx.customer.test>\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"R\"\r\n\r\n" +
            "--R\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n\r\n" +
            $"--R\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.customer.test\r\n\r\nFinal-Recipient: rfc822; {customer}\r\n" +
            "Action: failed\r\nStatus: 5.1.1\r\n\r\n" +
            $"--R\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <{reply.MessageId}>\r\nSubject: {reply.Subject}\r\n\r\n--R--\r\n");

        var bounced = await relay.ReceiveAsync(bounce);

        Assert.Equal(InboundMailStatus.Ignored, bounced.Status);
        var failed = await app.WithDbAsync(d => d.OutgoingMail.AsNoTracking().SingleAsync(m => m.MessageId == "<" + reply.MessageId + ">"));
        Assert.Equal(DeliveryState.Failed, failed.State);
        Assert.Contains("5.1.1", failed.LastError);
        Assert.Contains("delivery_failed", await app.WithDbAsync(d => d.AuditEvents.Where(a => a.TicketNumber == number).Select(a => a.Action).ToListAsync()));
    }

    [Theory, Providers]
    public async Task AnAgent_HearsByEmail_WhenGivenATicket_AndWhenItsCustomerWrites(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, sink, admin) = (scenario.App, scenario.Sink, scenario.Client);
        var relay = await app.RelayClientAsync();
        var agent = await app.CreateUserAsync(Features.People.Role.Agent);
        var customer = RapportApp.UniqueEmail("notice");
        var first = Mail.From(customer, "Where is my refund?", "It has been two weeks.") with
        {
            To = [new MailboxAddress("Acme Support", scenario.Mailbox.Address)],
            Headers = [new("Precedence", "bulk")], // no acknowledgement: only the notices reach the sink
        };
        var number = (await relay.ReceiveAsync(first.ToBytes())).TicketNumber!.Value;

        (await admin.PatchJsonAsync($"/api/v1/tickets/{number}", new { assigneeId = agent.Id })).EnsureSuccessStatusCode();
        await app.DeliverAsync();
        var assigned = MimeParser.Parse(Assert.Single(sink.Received()).Content);
        Assert.Equal(agent.Email, Assert.Single(assigned.To).Address);
        Assert.Contains($"#{number}", assigned.Subject);
        Assert.Equal("auto-generated", assigned.Headers["Auto-Submitted"]);

        var again = Mail.From(customer, "Re: Where is my refund?", "Any news? I still have nothing.") with
        {
            To = [new MailboxAddress("Acme Support", scenario.Mailbox.Address)],
            InReplyTo = first.MessageId,
            References = [first.MessageId!],
        };
        Assert.Equal(number, (await relay.ReceiveAsync(again.ToBytes())).TicketNumber);
        await app.DeliverAsync();
        var replied = MimeParser.Parse(sink.Received().Single(m => m.Text.Contains("still have nothing", StringComparison.Ordinal)).Content);
        Assert.Equal(agent.Email, Assert.Single(replied.To).Address);
        Assert.DoesNotContain(sink.Received(), m => m.To.Contains(customer));
    }

    [Theory, Providers]
    public async Task OurOwnMail_ForwardedBackUnderAnotherSender_IsRecognisedByItsXLoop_AndIgnored(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, sink, agent) = (scenario.App, scenario.Sink, scenario.Client);
        var relay = await app.RelayClientAsync();
        var first = Mail.From(RapportApp.UniqueEmail("loop"), "Forward rule test", "Hello") with
        {
            To = [new MailboxAddress("Acme Support", scenario.Mailbox.Address)],
            Headers = [new("Precedence", "bulk")],
        };
        var number = (await relay.ReceiveAsync(first.ToBytes())).TicketNumber!.Value;
        (await agent.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "We are on it." })).EnsureSuccessStatusCode();
        await app.DeliverAsync();
        var sent = Assert.Single(sink.Received());
        Assert.Equal(scenario.Mailbox.Address, MimeParser.Parse(sent.Content).Headers["X-Loop"]);

        // A rule at the customer's end sends it straight back to the support address, under its own sender and id.
        var text = System.Text.Encoding.UTF8.GetString(sent.Content);
        var forwarded = System.Text.RegularExpressions.Regex.Replace(text, "(?m)^From: .*$", "From: Forwarding Robot <robot@customer.test>");
        forwarded = System.Text.RegularExpressions.Regex.Replace(forwarded, "(?m)^Message-ID: .*$", $"Message-ID: <{Guid.NewGuid():N}@customer.test>");
        var receipt = await relay.ReceiveAsync(System.Text.Encoding.UTF8.GetBytes(forwarded));

        Assert.Equal(InboundMailStatus.Ignored, receipt.Status);
        var stored = await app.WithDbAsync(d => d.InboundMails.AsNoTracking().SingleAsync(m => m.Id == receipt.Id));
        Assert.Contains("X-Loop", stored.Reason);
        var messages = await (await agent.GetAsync($"/api/v1/tickets/{number}/messages")).ReadAsync<Page<MessageDto>>();
        Assert.Equal(2, messages.Items.Count);
    }
}
