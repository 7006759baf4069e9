using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.Email.Mailboxes;
using Rapport.Features.Email.Sending;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Email;

/// <summary>The outbox delivered to a real SMTP server on loopback, with the sender run by the test on a clock it moves.</summary>
public class EmailDeliveryTests(EmailFixture fixture) : IClassFixture<EmailFixture>
{
    [Theory, Providers]
    public async Task QueuedMail_ArrivesByteForByte_WithItsEnvelope(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, clock, _, admin, sink, mailbox) = scenario;
        var (content, messageId) = EmailSetup.RawMessage("ann@example.test");

        var mail = await app.QueueAsync(mailbox.Id, content, messageId, ["ann@example.test"], cc: ["bob@example.test"], bcc: ["audit@example.test"]);
        await app.DeliverAsync();

        var received = Assert.Single(sink.WithMessageId(messageId));
        Assert.Equal(content, received.Content);
        Assert.Equal(mailbox.Address, received.From);
        Assert.Equal(["ann@example.test", "bob@example.test", "audit@example.test"], received.To);
        var sent = await app.MailAsync(mail.Id);
        Assert.Equal((DeliveryState.Sent, 1, null), (sent.State, sent.Attempts, sent.LastError));
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.LeaseUntil);
    }

    [Theory, Providers]
    public async Task AMailboxWithCredentials_SignsInOverStartTls(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db, "start_tls");
        var (app, _, _, _, sink, mailbox) = scenario;
        var (content, messageId) = EmailSetup.RawMessage("ann@example.test");

        var mail = await app.QueueAsync(mailbox.Id, content, messageId, ["ann@example.test"]);
        await app.DeliverAsync();

        var received = Assert.Single(sink.WithMessageId(messageId));
        Assert.Equal(("rapport", true), (received.User, received.Secure));
        Assert.Equal(DeliveryState.Sent, (await app.MailAsync(mail.Id)).State);
    }

    [Theory, Providers]
    public async Task AMailboxWithImplicitTls_SignsInOverTls(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db, "implicit_tls");
        var (app, _, _, _, sink, mailbox) = scenario;
        var (content, messageId) = EmailSetup.RawMessage("ann@example.test");

        var mail = await app.QueueAsync(mailbox.Id, content, messageId, ["ann@example.test"]);
        await app.DeliverAsync();

        var received = Assert.Single(sink.WithMessageId(messageId));
        Assert.Equal(("rapport", true), (received.User, received.Secure));
        Assert.Equal(content, received.Content);
        Assert.Equal(DeliveryState.Sent, (await app.MailAsync(mail.Id)).State);
    }

    [Theory, Providers]
    public async Task AServerCertificateThatIsNotTrusted_IsRefused_BeforeThePasswordIsSent(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db, "start_tls", certificate: SmtpSink.CreateCertificate());
        var (app, _, _, _, sink, mailbox) = scenario;
        var (content, messageId) = EmailSetup.RawMessage("ann@example.test");

        var mail = await app.QueueAsync(mailbox.Id, content, messageId, ["ann@example.test"]);
        await app.DeliverAsync();

        var waiting = await app.MailAsync(mail.Id);
        Assert.Equal(DeliveryState.Queued, waiting.State);
        Assert.StartsWith("TLS handshake with 127.0.0.1 failed", waiting.LastError, StringComparison.Ordinal);
        Assert.Empty(sink.Received());
    }

    [Theory, Providers]
    public async Task AWrongPassword_IsRetried_NotFailed_AndTheErrorHoldsNoSecret(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db, "start_tls", mailboxPassword: "Wrong-pass-9");
        var (app, clock, _, _, sink, mailbox) = scenario;
        var (content, messageId) = EmailSetup.RawMessage("ann@example.test");

        var mail = await app.QueueAsync(mailbox.Id, content, messageId, ["ann@example.test"]);
        await app.DeliverAsync();

        var failed = await app.MailAsync(mail.Id);
        Assert.Equal(DeliveryState.Queued, failed.State);
        Assert.StartsWith("AUTH: 535", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-pass-9", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), failed.NextAttemptAt);
        Assert.Empty(sink.Received());
    }

    [Theory, Providers]
    public async Task DuringAnOutage_TheMailWaits_AndIsDeliveredOnceWhenTheServerIsBack(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, clock, _, admin, sink, mailbox) = scenario;
        var (content, messageId) = EmailSetup.RawMessage("ann@example.test");
        await sink.StopAsync();

        var mail = await app.QueueAsync(mailbox.Id, content, messageId, ["ann@example.test"]);
        await app.DeliverAsync();

        var waiting = await app.MailAsync(mail.Id);
        Assert.Equal((DeliveryState.Queued, 1), (waiting.State, waiting.Attempts));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), waiting.NextAttemptAt);
        Assert.Contains("127.0.0.1", waiting.LastError, StringComparison.Ordinal);

        await sink.StartAgainAsync();
        await app.DeliverAsync();
        Assert.Empty(sink.Received()); // not due yet

        clock.Advance(TimeSpan.FromMinutes(1));
        await app.DeliverAsync();
        await app.DeliverAsync();
        Assert.Single(sink.WithMessageId(messageId));
        var sent = await app.MailAsync(mail.Id);
        Assert.Equal((DeliveryState.Sent, 2), (sent.State, sent.Attempts));
    }

    [Theory, Providers]
    public async Task ARefusedRecipient_FailsAtOnce_AndTheTicketShowsIt(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, clock, _, admin, sink, mailbox) = scenario;
        var ticket = await (await admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Mail that bounces", body = "Hello", requester = new { email = RapportApp.UniqueEmail("req"), name = "Req" },
        })).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var (content, messageId) = EmailSetup.RawMessage("reject-me@example.test");

        var mail = await app.QueueAsync(mailbox.Id, content, messageId, ["reject-me@example.test"], ticketNumber: ticket.Number);
        await app.DeliverAsync();

        var failed = await app.MailAsync(mail.Id);
        Assert.Equal((DeliveryState.Failed, 1), (failed.State, failed.Attempts));
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
        var status = await app.WithScopeAsync(s => s.GetRequiredService<OutgoingMailStatus>().ForTicketAsync(ticket.Number, default));
        var shown = Assert.Single(status);
        Assert.Equal((DeliveryState.Failed, "reject-me@example.test"), (shown.State, shown.To.Single()));
        var events = await app.WithDbAsync(data => data.AuditEvents.AsNoTracking().Where(a => a.TicketNumber == ticket.Number && a.Action == "delivery_failed").ToListAsync());
        Assert.Contains("reject-me@example.test", Assert.Single(events).Changes, StringComparison.Ordinal);
        Assert.Empty(sink.Received());
    }

    [Theory, Providers]
    public async Task WhenSomeRecipientsAreRefused_TheOthersGetTheMail_AndTheRefusedAreNoted(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, clock, _, admin, sink, mailbox) = scenario;
        var (content, messageId) = EmailSetup.RawMessage("ann@example.test");

        var mail = await app.QueueAsync(mailbox.Id, content, messageId, ["ann@example.test", "reject-x@example.test"]);
        await app.DeliverAsync();

        Assert.Equal(["ann@example.test"], Assert.Single(sink.WithMessageId(messageId)).To);
        var sent = await app.MailAsync(mail.Id);
        Assert.Equal(DeliveryState.Sent, sent.State);
        Assert.Contains("reject-x@example.test", sent.LastError, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task ARecipientRefusedForNow_DelaysTheWholeMail(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, clock, _, admin, sink, mailbox) = scenario;
        var (content, messageId) = EmailSetup.RawMessage("ann@example.test");

        var mail = await app.QueueAsync(mailbox.Id, content, messageId, ["ann@example.test", "busy@example.test"]);
        await app.DeliverAsync();

        var waiting = await app.MailAsync(mail.Id);
        Assert.Equal(DeliveryState.Queued, waiting.State);
        Assert.Contains("451", waiting.LastError, StringComparison.Ordinal);
        Assert.Empty(sink.Received());
    }

    [Theory, Providers]
    public async Task TwoSendersAtOnce_DeliverEachMailOnce(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, clock, _, admin, sink, mailbox) = scenario;
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var (content, messageId) = EmailSetup.RawMessage($"person{i}@example.test");
            await app.QueueAsync(mailbox.Id, content, messageId, [$"person{i}@example.test"]);
            ids.Add(messageId);
        }

        await Task.WhenAll(Task.Run(app.DeliverAsync), Task.Run(app.DeliverAsync));

        Assert.All(ids, id => Assert.Single(sink.WithMessageId(id)));
        Assert.Equal(12, sink.Received().Count);
    }

    [Theory, Providers]
    public async Task AMailWhoseSenderDied_IsTakenAgainWhenItsLeaseRunsOut(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, clock, _, admin, sink, mailbox) = scenario;
        var (content, messageId) = EmailSetup.RawMessage("ann@example.test");
        var mail = await app.QueueAsync(mailbox.Id, content, messageId, ["ann@example.test"]);
        // A sender took it and crashed: sending, with a lease that has five minutes to run.
        var leaseUntil = clock.GetUtcNow() + TimeSpan.FromMinutes(5);
        await app.WithDbAsync(data => data.OutgoingMail.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, DeliveryState.Sending).SetProperty(m => m.LeaseUntil, leaseUntil)
            .SetProperty(m => m.LeaseId, Guid.NewGuid()).SetProperty(m => m.Attempts, 1)));

        await app.DeliverAsync();
        Assert.Empty(sink.Received());

        clock.Advance(TimeSpan.FromMinutes(5));
        await app.DeliverAsync();
        Assert.Single(sink.WithMessageId(messageId));
        Assert.Equal((DeliveryState.Sent, 2), ((await app.MailAsync(mail.Id)).State, (await app.MailAsync(mail.Id)).Attempts));
    }

    [Theory, Providers]
    public async Task AfterTheLastAttempt_TheMailIsFailed(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, clock, _, admin, sink, mailbox) = scenario;
        await sink.StopAsync();
        var (content, messageId) = EmailSetup.RawMessage("ann@example.test");
        var mail = await app.QueueAsync(mailbox.Id, content, messageId, ["ann@example.test"]);

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            await app.DeliverAsync();
            clock.Advance(TimeSpan.FromHours(1));
        }

        var failed = await app.MailAsync(mail.Id);
        Assert.Equal((DeliveryState.Failed, 10), (failed.State, failed.Attempts));
    }

    [Theory, Providers]
    public async Task TheTestMailButton_QueuesAMessageToTheAdmin_ThatArrives(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, _, adminUser, admin, sink, mailbox) = scenario;

        var queued = await (await admin.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/test", null)).ReadAsync<TestMailQueued>(HttpStatusCode.Accepted);
        await app.DeliverAsync();

        Assert.Equal(adminUser.Email, queued.To);
        var received = Assert.Single(sink.WithMessageId(queued.MessageId));
        Assert.Equal([adminUser.Email], received.To);
        Assert.Contains("Subject: Rapport test mail from ", received.Text, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Sent, (await app.MailAsync(queued.OutgoingMailId)).State);
    }

    [Theory, Providers]
    public async Task AMailbox_CannotBeDeletedWhileMailWaitsForIt(Db db)
    {
        await using var scenario = await fixture.ScenarioAsync(db);
        var (app, clock, _, admin, sink, mailbox) = scenario;
        var (content, messageId) = EmailSetup.RawMessage("ann@example.test");
        var mail = await app.QueueAsync(mailbox.Id, content, messageId, ["ann@example.test"]);

        await (await admin.DeleteAsync($"/api/v1/mailboxes/{mailbox.Id}")).ProblemAsync(HttpStatusCode.Conflict);
        await app.DeliverAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/mailboxes/{mailbox.Id}")).StatusCode);

        var kept = await app.MailAsync(mail.Id);
        Assert.Equal((DeliveryState.Sent, null), (kept.State, kept.MailboxId));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/mailboxes/{mailbox.Id}")).StatusCode);
    }
}
