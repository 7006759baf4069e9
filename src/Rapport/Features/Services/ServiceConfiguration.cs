using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.Services;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> service)
    {
        service.HasKey(s => s.Id);
        service.Property(s => s.Name).HasMaxLength(ServiceLimits.NameLength);
        service.Property(s => s.Description).HasMaxLength(ServiceLimits.TextLength);
        service.Property(s => s.Included).HasMaxLength(ServiceLimits.TextLength);
        service.Property(s => s.Limits).HasMaxLength(ServiceLimits.TextLength);
        service.HasIndex(s => s.Name).IsUnique();
        service.HasIndex(s => new { s.IsActive, s.Position, s.Name });
        service.HasMany(s => s.Channels).WithOne().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        service.HasOne(s => s.Calendar).WithMany().HasForeignKey(s => s.CalendarId).OnDelete(DeleteBehavior.Restrict);
        service.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ServiceChannelConfiguration : IEntityTypeConfiguration<ServiceChannel>
{
    public void Configure(EntityTypeBuilder<ServiceChannel> channel) => channel.HasKey(c => new { c.ServiceId, c.Channel });
}

public static class ServiceLimits
{
    public const int NameLength = 120;
    public const int TextLength = 8000;
}
