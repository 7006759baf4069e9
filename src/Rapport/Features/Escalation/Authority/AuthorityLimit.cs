using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Features.People;

namespace Rapport.Features.Escalation.Authority;

/// <summary>
/// What one role may commit to on its own for one kind of commitment. No row means no authority: every such
/// commitment by that role needs approval.
/// </summary>
public sealed class AuthorityLimit
{
    public Role Role { get; set; }
    public CommitmentKind Kind { get; set; }
    /// <summary>Hundredths of the currency for money kinds, days ahead for a delivery promise; null means no limit.</summary>
    public long? Limit { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class AuthorityLimitConfiguration : IEntityTypeConfiguration<AuthorityLimit>
{
    private static readonly DateTimeOffset Seeded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<AuthorityLimit> limit)
    {
        limit.HasKey(l => new { l.Role, l.Kind });
        limit.HasData(Defaults());
    }

    /// <summary>Examples a new installation starts with, for managers to adjust; admins have no limit, so someone can always decide.</summary>
    private static IEnumerable<AuthorityLimit> Defaults()
    {
        (Role Role, long? Refund, long? Goodwill, long? Compensation, long? Days)[] rows =
        [
            (Role.Agent, 50_00, 25_00, null, 7),
            (Role.TeamLead, 250_00, 100_00, 100_00, 14),
            (Role.Manager, 2_500_00, 1_000_00, 1_000_00, 60),
        ];
        foreach (var (role, refund, goodwill, compensation, days) in rows)
        {
            yield return new AuthorityLimit { Role = role, Kind = CommitmentKind.Refund, Limit = refund, UpdatedAt = Seeded };
            yield return new AuthorityLimit { Role = role, Kind = CommitmentKind.GoodwillCredit, Limit = goodwill, UpdatedAt = Seeded };
            if (compensation is not null) yield return new AuthorityLimit { Role = role, Kind = CommitmentKind.Compensation, Limit = compensation, UpdatedAt = Seeded };
            yield return new AuthorityLimit { Role = role, Kind = CommitmentKind.DeliveryPromise, Limit = days, UpdatedAt = Seeded };
        }
        foreach (var kind in Enum.GetValues<CommitmentKind>())
            yield return new AuthorityLimit { Role = Role.Admin, Kind = kind, Limit = null, UpdatedAt = Seeded };
    }
}
