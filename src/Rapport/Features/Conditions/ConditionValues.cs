using System.Text.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Conditions;

/// <summary>
/// Reads a condition's raw JSON value as texts: a string or a number is one value, a list is
/// several. Each message says what the field expects, given as a phrase such as "a team id or 'none'".
/// </summary>
internal static class ConditionValues
{
    /// <summary>A list this long is a mistake or an attack; a ticket has at most 50 tags.</summary>
    public const int MaxValues = 100;

    public static bool IsAbsent(JsonElement? value) =>
        value is not { } present || present.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public static IReadOnlyList<string>? Several(JsonElement? value, string expected, string path, Validator check)
    {
        if (IsAbsent(value)) return Refuse($"Give {expected}.", path, check);
        var json = value!.Value;
        if (json.ValueKind != JsonValueKind.Array)
            return TextOf(json) is { } one ? [one] : Refuse($"Give {expected}, as a string or a list of strings.", path, check);
        var items = new List<string>();
        foreach (var item in json.EnumerateArray())
        {
            if (TextOf(item) is not { } text) return Refuse($"Give {expected}, as a string or a list of strings.", path, check);
            items.Add(text);
        }
        if (items.Count == 0) return Refuse($"Give {expected}.", path, check);
        if (items.Count > MaxValues) return Refuse($"Give at most {MaxValues} values.", path, check);
        return items;
    }

    public static string? One(JsonElement? value, string expected, string path, Validator check)
    {
        var items = Several(value, expected, path, check);
        if (items is null) return null;
        if (items.Count == 1) return items[0];
        check.Add(path, $"Give one value, not a list: {expected}.");
        return null;
    }

    /// <summary>For operators such as is_set, which test the field alone.</summary>
    public static bool Nothing(JsonElement? value, string @operator, string path, Validator check)
    {
        if (IsAbsent(value)) return true;
        check.Add(path, $"'{@operator}' takes no value; leave the value out.");
        return false;
    }

    /// <summary>
    /// Runs a shared rule (tag shape, text length) on a validator of its own, so that its verdict
    /// concerns this value alone, and passes its messages on.
    /// </summary>
    public static bool Passes(Validator check, Action<Validator> rule)
    {
        var own = new Validator();
        rule(own);
        foreach (var (field, messages) in own.ToError().Errors)
            foreach (var message in messages) check.Add(field, message);
        return own.IsValid;
    }

    public static void RefuseItem(string item, string expected, string path, Validator check) =>
        check.Add(path, $"'{item}' is not {expected}.");

    private static string? TextOf(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.GetRawText(),
        _ => null,
    };

    private static IReadOnlyList<string>? Refuse(string message, string path, Validator check)
    {
        check.Add(path, message);
        return null;
    }
}
