using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.Email.Sending;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> mail)
    {
        mail.ToTable("OutgoingMail");
        mail.HasKey(m => m.Id);
        mail.Property(m => m.EnvelopeFrom).HasMaxLength(OutgoingMailLimits.AddressLength);
        mail.Property(m => m.MessageId).HasMaxLength(OutgoingMailLimits.MessageIdLength);
        mail.Property(m => m.LastError).HasMaxLength(OutgoingMailLimits.ErrorLength);
        mail.Ignore(m => m.Recipients);
        // The sender's query: due queued mail, and sending mail whose lease ran out.
        mail.HasIndex(m => new { m.State, m.NextAttemptAt });
        mail.HasIndex(m => new { m.State, m.LeaseUntil });
        mail.HasIndex(m => new { m.TicketNumber, m.Id });
        mail.HasIndex(m => new { m.MailboxId, m.State });
        // Threading and bounces find Rapport's own mail by its Message-ID.
        mail.HasIndex(m => m.MessageId);
        mail.HasOne(m => m.Mailbox).WithMany().HasForeignKey(m => m.MailboxId).OnDelete(DeleteBehavior.SetNull);
    }
}

public static class OutgoingMailLimits
{
    public const int AddressLength = 254;
    public const int MessageIdLength = 400;
    public const int ErrorLength = 500;
}
