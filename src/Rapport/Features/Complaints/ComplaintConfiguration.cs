using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.People;

namespace Rapport.Features.Complaints;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> complaint)
    {
        complaint.HasKey(c => c.TicketNumber);
        complaint.Property(c => c.TicketNumber).ValueGeneratedNever();
        complaint.HasOne(c => c.Ticket).WithOne().HasForeignKey<Complaint>(c => c.TicketNumber).OnDelete(DeleteBehavior.Cascade);
        complaint.HasOne(c => c.RootCause).WithMany().HasForeignKey(c => c.RootCauseKey).OnDelete(DeleteBehavior.Restrict);
        complaint.Property(c => c.RootCauseKey).HasMaxLength(SnakeKeys.Length);
        complaint.Property(c => c.Remedy).HasMaxLength(ComplaintLimits.TextLength);
        complaint.Property(c => c.DecisionNotes).HasMaxLength(ComplaintLimits.TextLength);
        complaint.Property(c => c.Version).IsConcurrencyToken();
        // Supervisors' list: nearest deadline first. The sweep: what is due to escalate.
        complaint.HasIndex(c => new { c.NextDeadlineAt, c.TicketNumber });
        complaint.HasIndex(c => c.EscalateAt);
        complaint.HasIndex(c => c.RootCauseKey);
    }
}

internal sealed class ComplaintRootCauseConfiguration : IEntityTypeConfiguration<ComplaintRootCause>
{
    public void Configure(EntityTypeBuilder<ComplaintRootCause> cause)
    {
        // A text key: seed rows need no identity sequence on PostgreSQL.
        cause.HasKey(c => c.Key);
        cause.Property(c => c.Key).HasMaxLength(SnakeKeys.Length);
        cause.Property(c => c.Name).HasMaxLength(ComplaintLimits.RootCauseNameLength);
        cause.HasIndex(c => c.Name).IsUnique();
        cause.HasData(ComplaintDefaults.RootCauses());
    }
}

internal sealed class ComplaintSettingsConfiguration : IEntityTypeConfiguration<ComplaintSettings>
{
    public void Configure(EntityTypeBuilder<ComplaintSettings> settings)
    {
        settings.HasKey(s => s.Id);
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.SetNull);
        settings.HasIndex(s => s.TeamId);
        settings.HasData(new ComplaintSettings { Id = ComplaintSettings.SingletonId, UpdatedAt = ComplaintDefaults.Seeded });
    }
}

public static class ComplaintLimits
{
    public const int TextLength = 4000;
    public const int RootCauseNameLength = 100;
}
