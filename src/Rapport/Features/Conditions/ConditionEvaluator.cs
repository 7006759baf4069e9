namespace Rapport.Features.Conditions;

/// <summary>Runs a condition set over a snapshot in memory: for rules and SLA policies that look at one ticket.</summary>
public static class ConditionEvaluator
{
    /// <summary>
    /// True when the ticket meets every condition in All and, when Any is not empty, at least one
    /// there. The set must have passed <see cref="ConditionValidation.Validate"/>.
    /// </summary>
    public static bool Matches(this ConditionSet set, TicketFacts facts, ConditionContext context)
    {
        var (all, any) = ConditionValidation.TestsFor(set, context);
        return all.All(test => test.Matches(facts)) && (any.Count == 0 || any.Any(test => test.Matches(facts)));
    }
}
