using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.People;

namespace Rapport.Features.Routing;

internal sealed class AgentSkillConfiguration : IEntityTypeConfiguration<AgentSkill>
{
    public void Configure(EntityTypeBuilder<AgentSkill> skill)
    {
        skill.HasKey(s => s.Id);
        skill.Property(s => s.Value).HasMaxLength(RoutingLimits.SkillValueLength);
        skill.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        skill.HasIndex(s => new { s.UserId, s.Kind, s.Value }).IsUnique();
    }
}

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<Absence>
{
    public void Configure(EntityTypeBuilder<Absence> absence)
    {
        absence.HasKey(a => a.Id);
        absence.Property(a => a.Note).HasMaxLength(RoutingLimits.AbsenceNoteLength);
        absence.Property(a => a.RecordedByName).HasMaxLength(PeopleLimits.NameLength);
        absence.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        absence.HasOne<User>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.SetNull);
        absence.HasOne<User>().WithMany().HasForeignKey(a => a.CancelledById).OnDelete(DeleteBehavior.SetNull);
        // Lists page by start; a person's absences and "absent now?" seek by user; the sweep seeks
        // the not-yet-redistributed ones that have not ended.
        absence.HasIndex(a => new { a.StartsAt, a.Id });
        absence.HasIndex(a => new { a.UserId, a.StartsAt, a.Id });
        absence.HasIndex(a => new { a.RedistributedAt, a.EndsAt });
        absence.HasIndex(a => a.RecordedById);
        absence.HasIndex(a => a.CancelledById);
    }
}
