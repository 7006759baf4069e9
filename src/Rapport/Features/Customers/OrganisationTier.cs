namespace Rapport.Features.Customers;

/// <summary>A service tier is a short key, compared as rules and policies store it: lower case, words joined by '_'.</summary>
public static class OrganisationTier
{
    public const int MaxLength = 40;

    /// <summary>The stored form of a tier name, or null when it is empty or too long.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var key = string.Join('_', text.Trim().ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
        return key.Length is > 0 and <= MaxLength && key.All(c => char.IsLetterOrDigit(c) || c == '_') ? key : null;
    }
}
