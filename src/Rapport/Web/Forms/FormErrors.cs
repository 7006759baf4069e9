using Rapport.Infrastructure.Problems;

namespace Rapport.Web.Forms;

/// <summary>
/// A use case's refusal sorted by the form's own fields, so each message lands next to the box
/// the person typed in. Messages that name no field of the form sit under "" and are shown
/// only in the summary. One instance per form; the id prefix keeps ids unique when a page has several.
/// </summary>
public sealed class FormErrors(string idPrefix = "")
{
    // Insertion-ordered, so the summary lists problems in the order they were found.
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public IEnumerable<string> All => _byField.Values.SelectMany(m => m);

    public IEnumerable<KeyValuePair<string, List<string>>> ByField => _byField;

    public IReadOnlyList<string> For(string field) => _byField.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>The id of the field's message element; aria-describedby and FieldError must agree on it.</summary>
    public string ErrorId(string field) => idPrefix + field + "-error";

    /// <summary>"true" for aria-invalid when the field has a message, else null so no attribute is rendered.</summary>
    public string? Invalid(string field) => _byField.ContainsKey(field) ? "true" : null;

    /// <summary>For aria-describedby: the hints, then the message once there is one; null renders no attribute.</summary>
    public string? DescribedBy(string field, params string[] hints)
    {
        var ids = _byField.ContainsKey(field) ? [.. hints, ErrorId(field)] : hints;
        return ids.Length == 0 ? null : string.Join(' ', ids);
    }

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var messages)) _byField[field] = messages = [];
        messages.Add(message);
    }

    /// <summary>Files messages for the listed fields under them; the rest (a conflict, a refusal) under <paramref name="fallback"/>.</summary>
    public void Add(Error error, string fallback, params string[] fields) =>
        AddFrom(error, name => fields.Contains(name) ? name : fallback, fallback);

    /// <summary>
    /// Files each message under the form field <paramref name="map"/> names for the use case's field.
    /// With <paramref name="numberLines"/>, "phones[2].number" is told as "Line 3: …", for fields typed one item a line.
    /// </summary>
    public void AddFrom(Error error, Func<string, string> map, string fallback = "", bool numberLines = false)
    {
        if (error is not ValidationError invalid)
        {
            Add(fallback, error.Detail);
            return;
        }
        foreach (var (field, messages) in invalid.Errors)
        {
            var (name, line) = Split(field);
            foreach (var message in messages)
                Add(map(name), numberLines && line is not null ? $"Line {line + 1}: {message}" : message);
        }
    }

    /// <summary>
    /// Files each message under the use case's own field path (<c>weeklyHours.monday[1].end</c>), for forms whose
    /// rows are the request's rows; anything that is not a field error goes under <paramref name="fallback"/>.
    /// </summary>
    public void AddByPath(Error error, Func<string, string>? map = null, string fallback = "")
    {
        if (error is not ValidationError invalid)
        {
            Add(fallback, error.Detail);
            return;
        }
        foreach (var (field, messages) in invalid.Errors)
            foreach (var message in messages) Add(map?.Invoke(field) ?? field, message);
    }

    /// <summary>"phones[2].number" → ("phones", 2); "name" → ("name", null).</summary>
    private static (string Name, int? Line) Split(string field)
    {
        var end = field.IndexOfAny(['[', '.']);
        if (end < 0) return (field, null);
        var close = field.IndexOf(']', end);
        var line = field[end] == '[' && close > end && int.TryParse(field.AsSpan(end + 1, close - end - 1), out var index) ? index : (int?)null;
        return (field[..end], line);
    }
}
