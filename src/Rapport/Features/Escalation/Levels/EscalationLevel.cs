using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.People;

namespace Rapport.Features.Escalation.Levels;

/// <summary>
/// One rung of the escalation ladder above the first line (level 0): "Second line", "Specialist", "Manager".
/// Levels are numbered 1, 2, 3… without gaps; a ticket's <see cref="Tickets.Ticket.EscalationLevel"/> says where it is.
/// </summary>
public sealed class EscalationLevel
{
    public int Level { get; set; }
    public required string Name { get; set; }
    /// <summary>The team that handles tickets at this level: escalating to it moves the ticket there.</summary>
    public long? TeamId { get; set; }
    public Team? Team { get; set; }
    /// <summary>People of this role are told when a ticket reaches the level (those in its team, else all of them).</summary>
    public Role? NotifyRole { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class EscalationLevelConfiguration : IEntityTypeConfiguration<EscalationLevel>
{
    // Seed rows need a fixed time: the migration must come out the same on every run.
    private static readonly DateTimeOffset Seeded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<EscalationLevel> level)
    {
        level.HasKey(l => l.Level);
        level.Property(l => l.Level).ValueGeneratedNever();
        level.Property(l => l.Name).HasMaxLength(EscalationLadder.NameLength);
        level.HasIndex(l => l.Name).IsUnique();
        level.HasOne(l => l.Team).WithMany().HasForeignKey(l => l.TeamId).OnDelete(DeleteBehavior.Restrict);
        level.HasIndex(l => l.TeamId);
        // A new installation starts with a common three-step ladder and no teams; managers adjust it.
        level.HasData(
            new EscalationLevel { Level = 1, Name = "Second line", NotifyRole = Role.TeamLead, UpdatedAt = Seeded },
            new EscalationLevel { Level = 2, Name = "Specialist", NotifyRole = Role.TeamLead, UpdatedAt = Seeded },
            new EscalationLevel { Level = 3, Name = "Manager", NotifyRole = Role.Manager, UpdatedAt = Seeded });
    }
}
