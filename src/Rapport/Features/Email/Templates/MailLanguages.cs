using Rapport.Features.Customers;

namespace Rapport.Features.Email.Templates;

/// <summary>
/// Which languages to try, in order, for a recipient: their own tag, then shorter ones (de-AT, de), then the
/// configured default language the same way, then English. Pure.
/// </summary>
public static class MailLanguages
{
    public const string English = "en";

    public static IReadOnlyList<string> Candidates(string? wanted, string defaultLanguage)
    {
        var candidates = new List<string>(6);
        AddWithParents(candidates, wanted);
        AddWithParents(candidates, defaultLanguage);
        if (!candidates.Contains(English)) candidates.Add(English);
        return candidates;
    }

    /// <summary>German or a regional form of it (de-AT, de-CH).</summary>
    public static bool IsGerman(string tag) =>
        tag.Equals("de", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("de-", StringComparison.OrdinalIgnoreCase);

    private static void AddWithParents(List<string> candidates, string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || LanguageTag.Normalise(tag) is not { } normal) return;
        // Extensions and private use ("de-u-co-phonebk", "x-klingon") say nothing about which text to pick.
        var singleton = normal.Split('-').TakeWhile(part => part.Length > 1).Count();
        var parts = normal.Split('-')[..Math.Max(singleton, 1)];
        for (var length = parts.Length; length > 0; length--)
        {
            var candidate = string.Join('-', parts[..length]);
            if (candidate.Length > 1 && !candidates.Contains(candidate, StringComparer.OrdinalIgnoreCase)) candidates.Add(candidate);
        }
    }
}
