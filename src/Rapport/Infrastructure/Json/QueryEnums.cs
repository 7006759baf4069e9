using Rapport.Infrastructure.Problems;

namespace Rapport.Infrastructure.Json;

/// <summary>Reads snake_case enum values from query strings, naming the parameter when a value is unknown.</summary>
public static class QueryEnums
{
    public static T? Parse<T>(string field, string? text, Validator check) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (SnakeCaseEnumConverter<T>.TryParse(text, out var value)) return value;
        check.Add(field, $"'{text}' is not one of: {SnakeCaseEnumConverter<T>.Allowed}.");
        return null;
    }

    public static T[]? ParseList<T>(string field, string? text, Validator check) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text)) return null;
        var values = new List<T>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            if (Parse<T>(field, part, check) is { } value) values.Add(value);
        return [.. values.Distinct()];
    }
}
