using Rapport.Features.Email.Mailboxes;

namespace Rapport.Features.Email.Sending;

/// <summary>
/// One message in the outbox: the bytes to send exactly as composed, who gets them, and where delivery stands.
/// A use case adds it in the same transaction as the change that caused it (<see cref="MailOutbox"/>);
/// <see cref="DeliverDueMail"/> sends it.
/// </summary>
public sealed class OutgoingMail
{
    public long Id { get; set; }
    /// <summary>The mailbox whose SMTP server sends it; null only when the mailbox was deleted after the mail left.</summary>
    public long? MailboxId { get; set; }
    public Mailbox? Mailbox { get; set; }
    /// <summary>MAIL FROM: where bounces go.</summary>
    public required string EnvelopeFrom { get; set; }
    public List<string> To { get; set; } = [];
    public List<string> Cc { get; set; } = [];
    public List<string> Bcc { get; set; } = [];
    /// <summary>The whole RFC 5322 message, headers and body, as it goes on the wire (before dot-stuffing).</summary>
    public required byte[] Content { get; set; }
    /// <summary>The message's Message-ID header, angle brackets included: fixed, so a receiver can drop a duplicate.</summary>
    public required string MessageId { get; set; }
    public long? TicketNumber { get; set; }
    /// <summary>The ticket message this mail carries, when it carries one.</summary>
    public long? TicketMessageId { get; set; }
    public MailPurpose Purpose { get; set; }
    public DeliveryState State { get; set; }
    /// <summary>How many times a sender took the mail to deliver it.</summary>
    public int Attempts { get; set; }
    /// <summary>When a queued mail is next due.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>While sending: when the sender's claim runs out and another may take the mail (after a crash).</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    /// <summary>The claim of the sender that holds the mail now; its "sent" or "failed" counts only while it still holds it.</summary>
    public Guid? LeaseId { get; set; }
    /// <summary>The last failure, short and without secrets; on a sent mail, the recipients the server refused.</summary>
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    public IEnumerable<string> Recipients => To.Concat(Cc).Concat(Bcc).Distinct(StringComparer.OrdinalIgnoreCase);
}

public enum MailPurpose { Acknowledgement, Reply, Notice, Test }

public enum DeliveryState
{
    /// <summary>Waiting for its next attempt.</summary>
    Queued,
    /// <summary>Claimed by a sender until its lease runs out.</summary>
    Sending,
    Sent,
    /// <summary>Given up: refused by the server for good, or out of attempts.</summary>
    Failed,
}
