using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.Email.Intake;

/// <summary>How a message reached Rapport.</summary>
public enum MailIntakeVia { Pipe, Api, Folder }

/// <summary>Where a received message stands: stored, then delivered to a ticket, set aside, or waiting for a person.</summary>
public enum InboundMailStatus
{
    /// <summary>Stored and not yet processed (or processing was cut short: the recovery sweep takes it again).</summary>
    Received,
    /// <summary>It created a ticket or was added to one.</summary>
    Processed,
    /// <summary>Nothing to do for a person: a bounce, recorded against the outgoing mail it reports.</summary>
    Ignored,
    /// <summary>It could not be processed; it waits in the admin's list to be retried or made a ticket by hand.</summary>
    Unprocessable,
}

/// <summary>
/// One received email, stored whole before anything else happens to it, so that nothing is lost when the process
/// dies and nothing is taken twice: <see cref="DedupeKey"/> is unique.
/// </summary>
public sealed class InboundMail
{
    public const int KeyLength = 300;
    public const int ReasonLength = 1000;

    public long Id { get; set; }
    /// <summary>"id:" and the Message-ID, or "sha256:" and the content's hash when the message has none.</summary>
    public required string DedupeKey { get; set; }
    public MailIntakeVia Via { get; set; }
    /// <summary>The mailbox it was addressed to, when the way in says (mail ingest --mailbox).</summary>
    public string? Mailbox { get; set; }
    /// <summary>The raw message's file in the attachment store.</summary>
    public required string StorageKey { get; set; }
    public long Size { get; set; }
    /// <summary>The sender's address as the headers give it (normalised), for the rate limit and the admin list.</summary>
    public string? Sender { get; set; }
    public string? Subject { get; set; }
    public InboundMailStatus Status { get; set; }
    /// <summary>Why it was set aside or could not be processed; what was done otherwise.</summary>
    public string? Reason { get; set; }
    public int Attempts { get; set; }
    public long? TicketNumber { get; set; }
    public long? MessageId { get; set; }
    /// <summary>The mailbox it was written to (by its To or Cc, or the name given at the way in): replies go out from it.</summary>
    public long? MailboxId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}

internal sealed class InboundMailConfiguration : IEntityTypeConfiguration<InboundMail>
{
    public void Configure(EntityTypeBuilder<InboundMail> builder)
    {
        builder.ToTable("inbound_mail");
        builder.Property(m => m.DedupeKey).HasMaxLength(InboundMail.KeyLength);
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        builder.Property(m => m.Mailbox).HasMaxLength(120);
        builder.Property(m => m.StorageKey).HasMaxLength(200);
        builder.Property(m => m.Sender).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.Reason).HasMaxLength(InboundMail.ReasonLength);
        builder.Property(m => m.Via).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        // The recovery sweep and the admin list: by status, oldest first.
        builder.HasIndex(m => new { m.Status, m.Id });
        // The rate limit: a sender's recent messages.
        builder.HasIndex(m => new { m.Sender, m.ReceivedAt });
        // Which mailbox a ticket's conversation is in.
        builder.HasIndex(m => new { m.TicketNumber, m.Id });
    }
}
