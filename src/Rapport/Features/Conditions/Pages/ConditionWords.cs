using System.Text.Json;

namespace Rapport.Features.Conditions.Pages;

/// <summary>Conditions in words for the pages that edit them (SLA policies, automation rules): "Priority at least high and (Tags includes any vip or Channel is phone)".</summary>
public static class ConditionWords
{
    /// <summary>"organisation_tier" → "Organisation tier".</summary>
    public static string Field(string name) => Sentence(name);

    /// <summary>"includes_any" → "includes any".</summary>
    public static string Operator(string name) => name.Replace('_', ' ');

    /// <summary>Every operator any field takes, in catalogue order: for a row whose field is unknown.</summary>
    public static IReadOnlyList<string> AllOperators { get; } = [.. TicketFields.All.SelectMany(f => f.Operators).Distinct()];

    public static IReadOnlyList<string> OperatorsFor(string? field) => TicketFields.Find(field)?.Operators ?? AllOperators;

    /// <summary>A value as the form shows it: one text, or several separated by commas.</summary>
    public static string ValueText(JsonElement? value) => value switch
    {
        null => "",
        { ValueKind: JsonValueKind.Array } list => string.Join(", ", list.EnumerateArray().Select(One)),
        { } one => One(one),
    };

    /// <summary>What the form's text means: nothing, one value, or a list when it holds commas.</summary>
    public static JsonElement? ValueOf(string? text)
    {
        var values = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return values switch
        {
            [] => null,
            [var one] => JsonSerializer.SerializeToElement(one),
            _ => JsonSerializer.SerializeToElement(values),
        };
    }

    public static string Describe(ConditionSet set)
    {
        if (set.Count == 0) return "Every ticket";
        var all = set.All.Select(Describe).ToList();
        var any = set.Any.Select(Describe).ToList();
        if (any.Count > 1) all.Add($"({string.Join(" or ", any)})");
        else all.AddRange(any);
        return string.Join(" and ", all);
    }

    private static string Describe(Condition condition)
    {
        var value = ValueText(condition.Value);
        return $"{Field(condition.Field)} {Operator(condition.Operator)}{(value.Length == 0 ? "" : " " + value)}";
    }

    private static string One(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static string Sentence(string name)
    {
        var words = name.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
