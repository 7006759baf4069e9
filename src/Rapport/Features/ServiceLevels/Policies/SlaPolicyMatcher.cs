using System.Text.Json;
using Rapport.Features.Conditions;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Policies;

/// <summary>
/// Which SLA policy applies to a ticket: the first active policy, by position, whose conditions the ticket meets.
/// Pure: build it from the policies once (their conditions are read here, not on every ticket), then ask it about
/// as many tickets as needed.
/// </summary>
/// <remarks>
/// Conditions are checked when a policy is saved. Should a stored set still not read or validate (a field removed
/// from the catalogue since), that policy matches nothing rather than stopping every ticket from being created.
/// A condition on <c>assignee is me</c> means nobody here, because no user is acting.
/// </remarks>
public sealed class SlaPolicyMatcher
{
    private readonly List<(SlaPolicy Policy, ConditionSet Conditions)> _policies;

    public SlaPolicyMatcher(IEnumerable<SlaPolicy> policies) =>
        _policies = [.. policies.Where(p => p.IsActive).OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => (Policy: p, Conditions: Readable(p.Conditions)))
            .Where(p => p.Conditions is not null)
            .Select(p => (p.Policy, p.Conditions!))];

    /// <summary>The policy for the ticket at <paramref name="now"/> (ages such as "older_than 2h" count back from it), or null when none matches.</summary>
    public SlaPolicy? Match(TicketFacts facts, DateTimeOffset now)
    {
        var context = new ConditionContext(now, UserId: null);
        foreach (var (policy, conditions) in _policies)
            if (conditions.Matches(facts, context)) return policy;
        return null;
    }

    private static ConditionSet? Readable(string json)
    {
        try
        {
            var set = ConditionSet.FromJson(json);
            var check = new Validator();
            set.Validate("conditions", check);
            return check.IsValid ? set : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
