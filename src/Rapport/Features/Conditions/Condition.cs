using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Features.Conditions;

/// <summary>
/// One test on a ticket: a field, an operator and a value, e.g. priority is ["high", "urgent"].
/// The value stays raw JSON (a string, a number or a list of them) until it is checked against
/// the field, so that a wrong value is reported with its path instead of failing to parse.
/// </summary>
public sealed record Condition(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("operator")] string Operator,
    [property: JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Value = null)
{
    /// <summary>A condition in code: no value, one value as a string, or several as a list.</summary>
    public static Condition Of(string field, string @operator, params string[] values) => new(field, @operator, values switch
    {
        [] => null,
        [var one] => JsonSerializer.SerializeToElement(one),
        _ => JsonSerializer.SerializeToElement(values),
    });

    // JsonElement compares by reference to its document; two conditions are equal when their values read the same.
    public bool Equals(Condition? other) =>
        other is not null && Field == other.Field && Operator == other.Operator
        && (Value is { } mine ? other.Value is { } theirs && JsonElement.DeepEquals(mine, theirs) : other.Value is null);

    public override int GetHashCode() => HashCode.Combine(Field, Operator);
}
