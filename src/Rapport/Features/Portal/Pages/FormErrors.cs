using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Portal.Pages;

/// <summary>A use case's refusal, sorted by form field for the page: each field shows its own messages.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string[]> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public IEnumerable<string> All => _byField.Values.SelectMany(m => m);

    public IReadOnlyList<string> For(string field) => _byField.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>"true" for aria-invalid when the field has a message, else null (no attribute).</summary>
    public string? Invalid(string field) => _byField.ContainsKey(field) ? "true" : null;

    /// <summary>Ids for aria-describedby: the hints given, then "{field}-error" when the field has a message; null when none.</summary>
    public string? DescribedBy(string field, params string[] hints)
    {
        var ids = _byField.ContainsKey(field) ? [.. hints, field + "-error"] : hints;
        return ids.Length == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>Files errors under the page's fields; anything else (a conflict, a refusal) under <paramref name="fallback"/>.</summary>
    public void Add(Error error, string fallback, params string[] fields)
    {
        if (error is not ValidationError invalid)
        {
            Append(fallback, error.Detail);
            return;
        }
        foreach (var (field, messages) in invalid.Errors)
        {
            // "uploads[0]" and the like belong to the field they are part of; the portal calls uploads attachments.
            var root = field.Split('[', '.')[0] is var name && name == "uploads" ? "attachments" : name;
            foreach (var message in messages) Append(fields.Contains(root) ? root : fallback, message);
        }
    }

    public void Add(string field, string message) => Append(field, message);

    private void Append(string field, string message) =>
        _byField[field] = _byField.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
