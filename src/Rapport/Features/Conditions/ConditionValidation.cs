using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Conditions;

/// <summary>
/// Checks a condition set against the ticket catalogue, reporting every problem at its path
/// (<c>conditions.all[2].operator</c>). The evaluator and the translator use the same check,
/// so a set that validates is a set they can both run.
/// </summary>
public static class ConditionValidation
{
    public static void Validate(this ConditionSet set, string prefix, Validator check) => Check(set, prefix, check);

    /// <summary>The set's tests for this context; throws when the set does not validate, which is the caller's bug.</summary>
    internal static (IReadOnlyList<ConditionTest> All, IReadOnlyList<ConditionTest> Any) TestsFor(ConditionSet set, ConditionContext context)
    {
        var check = new Validator();
        var (all, any) = Check(set, "conditions", check);
        if (!check.IsValid)
        {
            var problems = check.ToError().Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}");
            throw new ArgumentException($"Validate conditions before running them. {string.Join(" ", problems)}", nameof(set));
        }
        return ([.. all.Select(t => t(context))], [.. any.Select(t => t(context))]);
    }

    private static (List<Func<ConditionContext, ConditionTest>> All, List<Func<ConditionContext, ConditionTest>> Any) Check(ConditionSet set, string prefix, Validator check)
    {
        if (set.Count > ConditionSet.MaxConditions)
            check.Add(prefix, $"Give at most {ConditionSet.MaxConditions} conditions; this set has {set.Count}.");
        return (CheckList(set.All, PathOf(prefix, "all"), check), CheckList(set.Any, PathOf(prefix, "any"), check));
    }

    private static List<Func<ConditionContext, ConditionTest>> CheckList(IReadOnlyList<Condition?> conditions, string path, Validator check)
    {
        var tests = new List<Func<ConditionContext, ConditionTest>>();
        for (var i = 0; i < conditions.Count; i++)
            if (CheckOne(conditions[i], $"{path}[{i}]", check) is { } test) tests.Add(test);
        return tests;
    }

    private static Func<ConditionContext, ConditionTest>? CheckOne(Condition? condition, string path, Validator check)
    {
        if (condition is null)
        {
            check.Add(path, "Give a condition as {\"field\": …, \"operator\": …, \"value\": …}.");
            return null;
        }
        if (TicketFields.Find(condition.Field) is not { } field)
        {
            check.Add($"{path}.field", string.IsNullOrEmpty(condition.Field)
                ? $"Give a field: one of {TicketFields.Names}."
                : $"'{condition.Field}' is not a ticket field. Use one of: {TicketFields.Names}.");
            return null;
        }
        if (!field.Operators.Contains(condition.Operator))
        {
            var allowed = string.Join(", ", field.Operators);
            check.Add($"{path}.operator", string.IsNullOrEmpty(condition.Operator)
                ? $"Give an operator for {field.Name}: one of {allowed}."
                : $"'{condition.Operator}' does not apply to {field.Name}. Use one of: {allowed}.");
            return null;
        }
        return field.Check(condition.Operator, condition.Value, $"{path}.value", check);
    }

    private static string PathOf(string prefix, string list) => prefix.Length == 0 ? list : $"{prefix}.{list}";
}
