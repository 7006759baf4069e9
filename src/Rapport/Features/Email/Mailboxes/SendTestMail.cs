using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Email.Sending;
using Rapport.Infrastructure.Problems;
using Rapport.Mime;

namespace Rapport.Features.Email.Mailboxes;

public sealed record TestMailQueued(long OutgoingMailId, string To, string MessageId);

public sealed record NoAddressToTest() : Error(400, "Invalid request", "Your account has no email address to send the test mail to.");

/// <summary>Queues a short test message from the mailbox to the admin who asks, audited on the mailbox; the outbox sends it.</summary>
public sealed class SendTestMail(RapportDbContext db, MailOutbox outbox, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<TestMailQueued>> ExecuteAsync(long mailboxId, Actor actor, CancellationToken ct)
    {
        var mailbox = await db.Mailboxes.SingleOrDefaultAsync(m => m.Id == mailboxId, ct);
        if (mailbox is null) return new MailboxNotFound(mailboxId);
        var to = actor.UserId is { } userId ? await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct) : null;
        if (string.IsNullOrWhiteSpace(to) || !EmailAddress.IsValid(to)) return new NoAddressToTest();

        var messageId = MessageIds.New(EmailAddress.Domain(mailbox.Address));
        var content = new OutgoingMessage
        {
            From = new MailboxAddress(mailbox.DisplayName ?? mailbox.Name, mailbox.Address),
            To = [new MailboxAddress(to)],
            Subject = $"Rapport test mail from {mailbox.Name}",
            Date = clock.GetUtcNow(),
            MessageId = messageId,
            Headers = [new("Auto-Submitted", "auto-generated")],
            TextBody = $"This is a test message from Rapport's mailbox “{mailbox.Name}” ({mailbox.Address}), sent through "
                + $"{mailbox.SmtpHost}:{mailbox.SmtpPort.ToString(CultureInfo.InvariantCulture)}.\n\nIf you can read it, the mailbox sends mail.\n",
        }.ToBytes();
        var mail = outbox.Add(new QueuedMail(mailbox, [to], [], [], content, messageId, MailPurpose.Test));
        return await db.InTransactionAsync<Result<TestMailQueued>>(async () =>
        {
            await db.SaveChangesAsync(ct);
            audit.Record(actor, "mailbox", mailbox.Id.ToString(CultureInfo.InvariantCulture), "test_mail_queued",
                new AuditChanges().Set("to", null, to).Set("outgoingMailId", null, mail.Id));
            await db.SaveChangesAsync(ct);
            return new TestMailQueued(mail.Id, to, messageId);
        }, ct);
    }
}
