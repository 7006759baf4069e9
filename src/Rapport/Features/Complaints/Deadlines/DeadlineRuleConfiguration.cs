using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rapport.Features.Complaints.Deadlines;

internal sealed class DeadlineRuleConfiguration : IEntityTypeConfiguration<DeadlineRule>
{
    public void Configure(EntityTypeBuilder<DeadlineRule> rule)
    {
        // A text key, not a generated id: the seed rows below need no identity sequence on PostgreSQL.
        rule.HasKey(r => r.Key);
        rule.Property(r => r.Key).HasMaxLength(DeadlineLimits.KeyLength);
        rule.Property(r => r.Name).HasMaxLength(DeadlineLimits.NameLength);
        rule.Property(r => r.Reference).HasMaxLength(DeadlineLimits.ReferenceLength);
        rule.HasOne(r => r.Calendar).WithMany().HasForeignKey(r => r.CalendarId).OnDelete(DeleteBehavior.SetNull);
        rule.HasIndex(r => r.CalendarId);
        rule.HasData(DeadlineDefaults.Rules());
    }
}

public static class DeadlineLimits
{
    public const int KeyLength = 64;
    public const int NameLength = 100;
    public const int ReferenceLength = 1000;
    /// <summary>Ten years of days: more is a typing mistake.</summary>
    public const int MaxAmount = 3660;
}
