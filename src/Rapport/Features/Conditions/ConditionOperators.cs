namespace Rapport.Features.Conditions;

/// <summary>The operator names, as they appear in JSON.</summary>
public static class ConditionOperators
{
    public const string Is = "is";
    public const string IsNot = "is_not";
    public const string IsSet = "is_set";
    public const string IsNotSet = "is_not_set";
    public const string AtLeast = "at_least";
    public const string AtMost = "at_most";
    public const string IncludesAny = "includes_any";
    public const string IncludesAll = "includes_all";
    public const string IncludesNone = "includes_none";
    public const string Contains = "contains";
    public const string NotContains = "not_contains";
    public const string Before = "before";
    public const string After = "after";
    public const string OlderThan = "older_than";
    public const string NewerThan = "newer_than";

    /// <summary>Each negative operator is the exact complement of a positive one, so fields implement only the positive.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Negations = new Dictionary<string, string>
    {
        [IsNot] = Is,
        [IsNotSet] = IsSet,
        [IncludesNone] = IncludesAny,
        [NotContains] = Contains,
    };
}
