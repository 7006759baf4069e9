using Rapport.Data;
using Rapport.Features.Email.Mailboxes;

namespace Rapport.Features.Email.Sending;

/// <summary>A message ready to queue: composed already, with its envelope and what it belongs to.</summary>
public sealed record QueuedMail(
    Mailbox Mailbox,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> Bcc,
    byte[] Content,
    string MessageId,
    MailPurpose Purpose,
    long? TicketNumber = null,
    long? TicketMessageId = null,
    string? EnvelopeFrom = null);

/// <summary>
/// Puts mail in the outbox. <see cref="Add"/> adds the row to the caller's DbContext without saving, so the mail
/// commits (or rolls back) with the change that caused it: a reply and its mail exist together or not at all.
/// When the scope ends (the request or job is done, its transaction committed) it wakes the sender, which would
/// otherwise find the mail at its next tick.
/// </summary>
public sealed class MailOutbox(RapportDbContext db, MailSignal signal, TimeProvider clock) : IDisposable
{
    private bool _added;

    public OutgoingMail Add(QueuedMail mail)
    {
        var now = clock.GetUtcNow();
        var row = new OutgoingMail
        {
            MailboxId = mail.Mailbox.Id,
            EnvelopeFrom = mail.EnvelopeFrom ?? mail.Mailbox.Address,
            To = [.. mail.To],
            Cc = [.. mail.Cc],
            Bcc = [.. mail.Bcc],
            Content = mail.Content,
            MessageId = mail.MessageId,
            TicketNumber = mail.TicketNumber,
            TicketMessageId = mail.TicketMessageId,
            Purpose = mail.Purpose,
            State = DeliveryState.Queued,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.OutgoingMail.Add(row);
        _added = true;
        return row;
    }

    /// <summary>A hint, not a promise: mail rolled back wakes the sender for nothing, and the tick finds anything missed.</summary>
    public void Dispose()
    {
        if (_added) signal.Wake();
    }
}

/// <summary>Wakes the background sender early when mail is queued.</summary>
public sealed class MailSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0) _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    /// <summary>Waits for a wake-up.</summary>
    public Task WaitAsync(CancellationToken ct) => _wake.WaitAsync(ct);
}
