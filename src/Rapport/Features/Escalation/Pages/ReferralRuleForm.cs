using System.Globalization;
using Rapport.Features.Conditions;
using Rapport.Features.Conditions.Pages;
using Rapport.Features.Escalation.Referrals;
using Rapport.Features.People;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Pages;

/// <summary>
/// What the referral rule form posts: rows of conditions for "all" and "any" (added and removed with submit buttons,
/// so it works without JavaScript), the team, the role to tell, and whether it is active.
/// </summary>
public sealed class ReferralRuleForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<ConditionRow> All { get; set; } = [];
    public List<ConditionRow> Any { get; set; } = [];
    public string? TeamId { get; set; }
    public string? NotifyRole { get; set; }
    // False by default: an unchecked box posts nothing, so only a fresh form starts it ticked.
    public bool IsActive { get; set; }
    /// <summary>save (or none, for Enter), refresh, add-all, add-any, remove-all:2, remove-any:0.</summary>
    public string? Command { get; set; }

    public static ReferralRuleForm New() => new()
    {
        All = [new ConditionRow { Field = "type", Operator = ConditionOperators.Is, Value = "complaint" }],
        IsActive = true,
    };

    public static ReferralRuleForm From(ReferralRuleDto rule) => new()
    {
        Name = rule.Name,
        Description = rule.Description,
        All = [.. rule.Conditions.All.Select(ConditionRow.From)],
        Any = [.. rule.Conditions.Any.Select(ConditionRow.From)],
        TeamId = rule.Team.Id.ToString(CultureInfo.InvariantCulture),
        NotifyRole = rule.NotifyRole is { } role ? EnumNames.ToSnakeCase(role) : null,
        IsActive = rule.IsActive,
    };

    /// <summary>Adds or removes the row the command names, or only shows the form again (refresh); false for a save.</summary>
    public bool ApplyCommand()
    {
        (All, Any) = (All ?? [], Any ?? []);
        return ConditionRows.Apply((Command ?? "").Split(':'), All, Any) || Command is not (null or "save");
    }

    public CreateReferralRuleRequest ToCreate(Validator check) =>
        new(Name, Description, Conditions(), TicketForms.Id("teamId", TeamId, check), Role(check), Position: null);

    /// <summary>Every field is sent: the use case audits only what changed.</summary>
    public UpdateReferralRuleRequest ToUpdate(Validator check) => new(
        Optional<string>.Of(Name), Optional<string>.Of(Description), Optional<ConditionSet>.Of(Conditions()),
        Optional<long?>.Of(TicketForms.Id("teamId", TeamId, check)), Optional<Role?>.Of(Role(check)), Optional<bool?>.Of(IsActive), default);

    private Role? Role(Validator check) => QueryEnums.Parse<Role>("notifyRole", NotifyRole, check);

    private ConditionSet Conditions() => ConditionRows.ToSet(All, Any);
}
