using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People.Pages;

/// <summary>
/// A use case's refusal sorted by form field, so each field shows its own messages and anything
/// that names no field (a conflict, a refusal) is announced at the top of the form.
/// </summary>
public sealed class FormProblems
{
    private readonly Dictionary<string, string[]> _byField = new(StringComparer.Ordinal);
    private readonly List<string> _general = [];

    public bool Any => _byField.Count > 0 || _general.Count > 0;

    public IReadOnlyList<string> General => _general;

    public bool HasFieldErrors => _byField.Count > 0;

    public IReadOnlyList<string> For(string field) => _byField.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>"true" for aria-invalid when the field has a message, else null (no attribute).</summary>
    public string? Invalid(string field) => _byField.ContainsKey(field) ? "true" : null;

    /// <summary>Ids for aria-describedby: the hints given, then "{prefix}{field}-error" when the field has a message.</summary>
    public string? DescribedBy(string prefix, string field, params string[] hints)
    {
        var ids = _byField.ContainsKey(field) ? [.. hints, prefix + field + "-error"] : hints;
        return ids.Length == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>Files a use case's error under the form's fields; messages for fields the form lacks become general.</summary>
    public void Add(Error error, params string[] fields)
    {
        if (error is not ValidationError invalid)
        {
            _general.Add(error.Detail);
            return;
        }
        foreach (var (field, messages) in invalid.Errors)
        {
            if (fields.Contains(field)) _byField[field] = [.. For(field), .. messages];
            else _general.AddRange(messages);
        }
    }

    public void Add(string field, string message) => _byField[field] = [.. For(field), message];
}
