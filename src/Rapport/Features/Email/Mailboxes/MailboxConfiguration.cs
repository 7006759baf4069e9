using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.Email.Mailboxes;

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> mailbox)
    {
        mailbox.HasKey(m => m.Id);
        mailbox.Property(m => m.Name).HasMaxLength(MailboxLimits.NameLength);
        mailbox.Property(m => m.Address).HasMaxLength(MailboxLimits.AddressLength);
        mailbox.Property(m => m.DisplayName).HasMaxLength(MailboxLimits.NameLength);
        mailbox.Property(m => m.SmtpHost).HasMaxLength(MailboxLimits.HostLength);
        mailbox.Property(m => m.UserName).HasMaxLength(MailboxLimits.UserNameLength);
        mailbox.Property(m => m.ProtectedPassword).HasMaxLength(MailboxLimits.ProtectedPasswordLength);
        mailbox.HasIndex(m => m.Name).IsUnique();
        mailbox.HasIndex(m => m.TeamId);
        mailbox.HasOne(m => m.Team).WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

public static class MailboxLimits
{
    public const int NameLength = 120;
    public const int AddressLength = 254;
    public const int HostLength = 253;
    public const int UserNameLength = 254;
    public const int PasswordLength = 500;
    /// <summary>The protector's output is base64 of the encrypted password plus its header and tag.</summary>
    public const int ProtectedPasswordLength = 2000;
    public const int MaxMailboxes = 200;
}
