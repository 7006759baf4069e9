namespace Rapport.Features.Conditions.Pages;

/// <summary>One condition as a form posts it: field, operator and the value as typed.</summary>
public sealed class ConditionRow
{
    public string? Field { get; set; }
    public string? Operator { get; set; }
    /// <summary>One value, or several separated by commas.</summary>
    public string? Value { get; set; }

    public static ConditionRow Blank() => new() { Field = "status", Operator = ConditionOperators.Is };

    public static ConditionRow From(Condition condition) =>
        new() { Field = condition.Field, Operator = condition.Operator, Value = ConditionWords.ValueText(condition.Value) };

    public Condition ToCondition() => new(Field ?? "", Operator ?? "", ConditionWords.ValueOf(Value));
}
