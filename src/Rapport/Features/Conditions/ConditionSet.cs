using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Features.Conditions;

/// <summary>
/// Conditions in Zendesk's shape: every condition in <see cref="All"/> must hold, and when
/// <see cref="Any"/> is not empty at least one of its conditions must hold too. An empty set
/// matches every ticket. The JSON is the same for an API body and for a column that stores it:
/// <c>{"all":[{"field":"priority","operator":"is","value":["high","urgent"]}],"any":[]}</c>.
/// </summary>
public sealed record ConditionSet
{
    /// <summary>More would make slow queries and rules nobody can read.</summary>
    public const int MaxConditions = 50;

    public static readonly ConditionSet Empty = new();

    // A list given as null reads as empty: "no conditions of this kind".
    [JsonPropertyName("all")]
    public IReadOnlyList<Condition> All { get; init => field = value ?? []; } = [];

    [JsonPropertyName("any")]
    public IReadOnlyList<Condition> Any { get; init => field = value ?? []; } = [];

    [JsonIgnore]
    public int Count => All.Count + Any.Count;

    public string ToJson() => JsonSerializer.Serialize(this, StorageJson);

    /// <summary>Reads the stored or posted text; throws <see cref="JsonException"/> when it is not a condition set.</summary>
    public static ConditionSet FromJson(string json) =>
        JsonSerializer.Deserialize<ConditionSet>(json, StorageJson) ?? throw new JsonException("Expected a condition set, not null.");

    public bool Equals(ConditionSet? other) =>
        other is not null && All.SequenceEqual(other.All) && Any.SequenceEqual(other.Any);

    public override int GetHashCode() => HashCode.Combine(All.Count, Any.Count);

    public override string ToString() => ToJson();

    // The attributes fix the names, so the text does not depend on the caller's naming policy.
    private static readonly JsonSerializerOptions StorageJson = new() { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };
}
