using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.People;

namespace Rapport.Features.Escalation.Referrals;

/// <summary>
/// A row of the referral matrix (C9): which tickets (a condition set, the model SLA policies and automation use)
/// go to which team, and which role to tell. Rules are tried in order of <see cref="Position"/>; the first active
/// one that matches a ticket is the suggestion when someone refers it.
/// </summary>
public sealed class ReferralRule
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Position { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>The conditions as JSON (see Features/Conditions); an empty set matches every ticket.</summary>
    public required string Conditions { get; set; }
    public long TeamId { get; set; }
    public Team Team { get; set; } = null!;
    /// <summary>Besides the receivers, people of this role are told of a referral by this rule.</summary>
    public Role? NotifyRole { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ReferralRuleConfiguration : IEntityTypeConfiguration<ReferralRule>
{
    public void Configure(EntityTypeBuilder<ReferralRule> rule)
    {
        rule.HasKey(r => r.Id);
        rule.Property(r => r.Name).HasMaxLength(ReferralRuleInput.NameLength);
        rule.Property(r => r.Description).HasMaxLength(ReferralRuleInput.DescriptionLength);
        rule.Property(r => r.Conditions).HasMaxLength(ReferralRuleInput.ConditionsLength);
        rule.HasIndex(r => r.Name).IsUnique();
        rule.HasIndex(r => new { r.IsActive, r.Position });
        rule.HasOne(r => r.Team).WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        rule.HasIndex(r => r.TeamId);
    }
}
