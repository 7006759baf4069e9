using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Rapport.Features.Audit;

/// <summary>The changed fields of one audit event, each with its value before and after.</summary>
public sealed class AuditChanges
{
    private readonly SortedDictionary<string, (object? Before, object? After)> _fields = new(StringComparer.Ordinal);

    public bool IsEmpty => _fields.Count == 0;

    public IReadOnlyDictionary<string, (object? Before, object? After)> Fields => _fields;

    /// <summary>Records a field when its value changed; equal values are not news.</summary>
    public AuditChanges Set(string field, object? before, object? after)
    {
        if (!Equals(Normalise(before), Normalise(after))) _fields[field] = (Normalise(before), Normalise(after));
        return this;
    }

    /// <summary>Every scalar property the change tracker saw modified (or all of them, for an added entity).</summary>
    public static AuditChanges FromEntry(EntityEntry entry, params string[] ignore)
    {
        var changes = new AuditChanges();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (ignore.Contains(name) || property.Metadata.IsShadowProperty()) continue;
            if (entry.State == Microsoft.EntityFrameworkCore.EntityState.Added) changes.Set(CamelCase(name), null, property.CurrentValue);
            else if (property.IsModified) changes.Set(CamelCase(name), property.OriginalValue, property.CurrentValue);
        }
        return changes;
    }

    public string ToJson()
    {
        var root = new JsonObject();
        foreach (var (field, (before, after)) in _fields)
            root[field] = new JsonObject { ["before"] = ToNode(before), ["after"] = ToNode(after) };
        return root.ToJsonString();
    }

    private static JsonNode? ToNode(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), AuditJson.Options);

    private static object? Normalise(object? value) => value switch
    {
        Enum e => Infrastructure.Json.EnumNames.ToSnakeCase(e),
        string text => text,
        IEnumerable<string> list => string.Join(", ", list.Order(StringComparer.Ordinal)),
        DateTimeOffset d => d.ToUniversalTime(),
        _ => value,
    };

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
