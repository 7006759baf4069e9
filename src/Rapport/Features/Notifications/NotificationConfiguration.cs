using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.People;

namespace Rapport.Features.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Kind).HasMaxLength(40);
        notification.Property(n => n.Text).HasMaxLength(Notify.TextLength);
        notification.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // A person's newest first, and their unread count, are both one index range.
        notification.HasIndex(n => new { n.UserId, n.Id });
        notification.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}

internal sealed class NoticePreferencesConfiguration : IEntityTypeConfiguration<NoticePreferences>
{
    public void Configure(EntityTypeBuilder<NoticePreferences> preferences)
    {
        preferences.HasKey(p => p.UserId);
        preferences.HasOne<User>().WithOne().HasForeignKey<NoticePreferences>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
