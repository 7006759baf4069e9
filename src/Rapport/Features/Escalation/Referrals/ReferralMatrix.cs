using System.Text.Json;
using Rapport.Features.Conditions;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Referrals;

/// <summary>What the matrix suggests for a ticket: the rule that matched, the team it sends to and the role it tells.</summary>
public sealed record ReferralSuggestion(long RuleId, string RuleName, long TeamId, string TeamName, Role? NotifyRole);

/// <summary>
/// Which team a ticket should be referred to: the first active rule, by position, whose conditions the ticket meets.
/// Pure: built from the rules once, asked about any number of tickets.
/// </summary>
/// <remarks>
/// Conditions are checked when a rule is saved. A stored set that no longer reads (a field withdrawn since) makes
/// that rule match nothing, rather than stopping every referral.
/// </remarks>
public sealed class ReferralMatrix
{
    private readonly List<(ReferralSuggestion Suggestion, ConditionSet Conditions)> _rules = [];

    /// <param name="rules">With their teams loaded.</param>
    public ReferralMatrix(IEnumerable<ReferralRule> rules)
    {
        foreach (var rule in rules.Where(r => r.IsActive).OrderBy(r => r.Position).ThenBy(r => r.Id))
            if (TryRead(rule.Conditions) is { } conditions)
                _rules.Add((new ReferralSuggestion(rule.Id, rule.Name, rule.TeamId, rule.Team.Name, rule.NotifyRole), conditions));
    }

    /// <summary>The suggestion for the ticket at <paramref name="now"/>, or null when no rule matches.</summary>
    public ReferralSuggestion? Suggest(TicketFacts facts, DateTimeOffset now)
    {
        var context = new ConditionContext(now, UserId: null);
        return _rules.FirstOrDefault(r => r.Conditions.Matches(facts, context)).Suggestion;
    }

    private static ConditionSet? TryRead(string json)
    {
        ConditionSet set;
        try
        {
            set = ConditionSet.FromJson(json);
        }
        catch (JsonException)
        {
            return null;
        }
        var check = new Validator();
        set.Validate("conditions", check);
        return check.IsValid ? set : null;
    }
}
