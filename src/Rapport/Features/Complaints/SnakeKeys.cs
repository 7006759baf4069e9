using System.Text;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints;

/// <summary>The stable keys of deadline rules and root causes: lower-case letters, digits and underscores.</summary>
public static class SnakeKeys
{
    public const int Length = 64;

    public static Validator Check(Validator check, string field, string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return check.Add(field, "This field is required.");
        if (key.Length > Length) return check.Add(field, $"Must be at most {Length} characters.");
        if (!IsKey(key)) check.Add(field, "Use lower-case letters, digits and underscores, starting with a letter (e.g. billing_error).");
        return check;
    }

    public static bool IsKey(string key) =>
        key.Length is > 0 and <= Length && key[0] is >= 'a' and <= 'z' && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    /// <summary>"Billing error (card)" → "billing_error_card"; empty when the name has no letters or digits.</summary>
    public static string From(string name)
    {
        var key = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) key.Append(c);
            else if (key.Length > 0 && key[^1] != '_') key.Append('_');
        }
        var text = key.ToString().Trim('_');
        if (text.Length > 0 && text[0] is >= '0' and <= '9') text = "k_" + text;
        return text.Length > Length ? text[..Length].TrimEnd('_') : text;
    }
}
