using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.Tickets;

namespace Rapport.Features.Automation;

internal sealed class AutomationRuleConfiguration : IEntityTypeConfiguration<AutomationRule>
{
    public void Configure(EntityTypeBuilder<AutomationRule> rule)
    {
        rule.HasKey(r => r.Id);
        rule.Property(r => r.Name).HasMaxLength(AutomationLimits.NameLength);
        rule.Property(r => r.Conditions).HasMaxLength(20_000);
        rule.Property(r => r.Actions).HasMaxLength(20_000);
        rule.HasIndex(r => r.Name).IsUnique();
        rule.HasIndex(r => new { r.IsActive, r.Trigger, r.Position });
    }
}

internal sealed class AutomationRunConfiguration : IEntityTypeConfiguration<AutomationRun>
{
    public void Configure(EntityTypeBuilder<AutomationRun> run)
    {
        run.HasKey(r => r.Id);
        run.HasOne<AutomationRule>().WithMany().HasForeignKey(r => r.RuleId).OnDelete(DeleteBehavior.Cascade);
        run.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketNumber).OnDelete(DeleteBehavior.Cascade);
        run.HasIndex(r => new { r.RuleId, r.TicketNumber, r.TicketVersion }).IsUnique();
        run.HasIndex(r => r.TicketNumber);
    }
}

public static class AutomationLimits
{
    public const int NameLength = 120;
    public const int MaxActions = 20;
    public const int TextLength = 5000;
}
