namespace Rapport.Infrastructure.Problems;

/// <summary>Collects field errors for one request; use cases check their input with it before touching data.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Validator Required(string field, string? value, int maxLength, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "This field is required.");
        return Text(field, value, maxLength, multiline);
    }

    /// <summary>Optional text: when present it must fit and hold no control characters other than line breaks and tabs.</summary>
    public Validator Text(string field, string? value, int maxLength, bool multiline = false)
    {
        if (value is null) return this;
        if (value.Length > maxLength) Add(field, $"Must be at most {maxLength} characters.");
        if (HasForbiddenControlCharacters(value, multiline)) Add(field, "Must not contain control characters.");
        return this;
    }

    public Validator Email(string field, string? value)
    {
        if (value is null) return this;
        if (!EmailAddress.IsValid(value)) Add(field, "Must be a valid email address.");
        return this;
    }

    public ValidationError ToError() =>
        new(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    private static bool HasForbiddenControlCharacters(string value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\t' || multiline && c is '\n' or '\r') continue;
            if (char.IsControl(c)) return true;
            // A lone surrogate is not text: it cannot be stored or shown faithfully.
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return true;
        }
        return false;
    }
}

public static class EmailAddress
{
    public static string Normalise(string address) => address.Trim().ToLowerInvariant();

    public static bool IsValid(string address)
    {
        address = address.Trim();
        if (address.Length is < 3 or > 254) return false;
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1) return false;
        var domain = address[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.')) return false;
        foreach (var c in address)
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '(' or ')' or ',' or ';' or '"') return false;
        return true;
    }

    public static string Domain(string address) => Normalise(address)[(address.Trim().LastIndexOf('@') + 1)..];
}
