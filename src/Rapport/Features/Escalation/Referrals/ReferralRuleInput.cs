using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Conditions;
using Rapport.Features.People;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Referrals;

/// <summary>A new rule. No conditions match every ticket. Without a position (1 = tried first) it goes last.</summary>
public sealed record CreateReferralRuleRequest(
    string? Name, string? Description, ConditionSet? Conditions, long? TeamId, Role? NotifyRole, int? Position);

/// <summary>A partial update: only the fields present change. isActive false takes the rule out of the matrix; position moves it.</summary>
public sealed record UpdateReferralRuleRequest(
    Optional<string> Name, Optional<string> Description, Optional<ConditionSet> Conditions, Optional<long?> TeamId,
    Optional<Role?> NotifyRole, Optional<bool?> IsActive, Optional<int?> Position);

public sealed record ReferralRuleDto(
    long Id, string Name, string? Description, int Position, bool IsActive, ConditionSet Conditions, TeamRef Team, Role? NotifyRole,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The rule must be loaded with its team.</summary>
    internal static ReferralRuleDto From(ReferralRule r) => new(r.Id, r.Name, r.Description, r.Position, r.IsActive,
        ConditionSet.FromJson(r.Conditions), new TeamRef(r.TeamId, r.Team.Name), r.NotifyRole, r.CreatedAt, r.UpdatedAt);
}

public sealed record ReferralRuleNotFound(long Id) : Error(404, "Not found", $"Referral rule {Id} does not exist.");

/// <summary>A rule as it would be after a create or an update; both check it whole, the same way.</summary>
internal sealed record ReferralRuleValues(string? Name, string? Description, ConditionSet Conditions, long? TeamId, Role? NotifyRole)
{
    public static ReferralRuleValues Of(CreateReferralRuleRequest r) => new(r.Name, r.Description, r.Conditions ?? ConditionSet.Empty, r.TeamId, r.NotifyRole);

    public static ReferralRuleValues Of(UpdateReferralRuleRequest r, ReferralRule stored) => new(
        r.Name.IsSet ? r.Name.Value : stored.Name,
        r.Description.IsSet ? r.Description.Value : stored.Description,
        r.Conditions.IsSet ? r.Conditions.Value ?? ConditionSet.Empty : ConditionSet.FromJson(stored.Conditions),
        r.TeamId.IsSet ? r.TeamId.Value : stored.TeamId,
        r.NotifyRole.IsSet ? r.NotifyRole.Value : stored.NotifyRole);

    public void ApplyTo(ReferralRule rule)
    {
        rule.Name = Name!.Trim();
        rule.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        rule.Conditions = Conditions.ToJson();
        rule.TeamId = TeamId!.Value;
        rule.NotifyRole = NotifyRole;
    }
}

internal static class ReferralRuleInput
{
    public const int MaxRules = 100;
    public const int NameLength = 120;
    public const int DescriptionLength = 2000;
    public const int ConditionsLength = 20_000;

    public static readonly ValidationError NameTaken = ValidationError.For("name", "A referral rule with this name already exists.");

    public static async Task<Validator> CheckAsync(RapportDbContext db, ReferralRuleValues values, long? exceptId, Validator check, CancellationToken ct)
    {
        check.Required("name", values.Name, NameLength).Text("description", values.Description, DescriptionLength, multiline: true);
        values.Conditions.Validate("conditions", check);
        if (values.Conditions.ToJson().Length > ConditionsLength) check.Add("conditions", $"The conditions must fit in {ConditionsLength} characters of JSON.");
        if (values.TeamId is not { } team) check.Add("teamId", "Choose the team these tickets go to.");
        else if (!await db.Teams.AnyAsync(t => t.Id == team, ct)) check.Add("teamId", "No team has this id.");
        Recipients.CheckRole("notifyRole", values.NotifyRole, check);
        if (check.IsValid)
        {
            var upper = values.Name!.Trim().ToUpperInvariant();
            if (await db.ReferralRules.AnyAsync(r => r.Name.ToUpper() == upper && r.Id != exceptId, ct))
                check.Add("name", NameTaken.Errors["name"][0]);
        }
        return check;
    }
}
