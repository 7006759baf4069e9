using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.Tickets;

namespace Rapport.Features.ServiceLevels.Policies;

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> policy)
    {
        policy.HasKey(p => p.Id);
        policy.Property(p => p.Name).HasMaxLength(120);
        policy.Property(p => p.Description).HasMaxLength(2000);
        policy.Property(p => p.Conditions).HasMaxLength(20_000);
        policy.HasIndex(p => p.Name).IsUnique();
        policy.HasIndex(p => new { p.IsActive, p.Position });
        policy.HasOne(p => p.Calendar).WithMany().HasForeignKey(p => p.CalendarId).OnDelete(DeleteBehavior.Restrict);
        policy.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SlaPolicyTargetConfiguration : IEntityTypeConfiguration<SlaPolicyTarget>
{
    public void Configure(EntityTypeBuilder<SlaPolicyTarget> target) => target.HasKey(t => new { t.PolicyId, t.Metric });
}

internal sealed class TicketSlaClockConfiguration : IEntityTypeConfiguration<TicketSlaClock>
{
    public void Configure(EntityTypeBuilder<TicketSlaClock> clock)
    {
        clock.HasKey(c => new { c.TicketNumber, c.Metric });
        clock.HasOne<Ticket>().WithMany(t => t.SlaClocks).HasForeignKey(c => c.TicketNumber).OnDelete(DeleteBehavior.Cascade);
        clock.HasOne<SlaPolicy>().WithMany().HasForeignKey(c => c.PolicyId).OnDelete(DeleteBehavior.Restrict);
        clock.HasIndex(c => c.PolicyId);
        // Deleting a calendar asks whether any clock still counts in it.
        clock.HasIndex(c => c.CalendarId);
    }
}
