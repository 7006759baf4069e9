using System.Text.RegularExpressions;

namespace Rapport.Features.Customers;

/// <summary>
/// The shape of a BCP 47 language tag (RFC 5646): language, optional script, region, variants,
/// extensions and private use. The language is two or three letters: longer ones are reserved
/// and none is registered, so "english" is refused rather than stored as a tag. Whether a
/// subtag is registered is not checked: new ones appear, and a close-enough tag still tells an
/// agent which language to answer in.
/// </summary>
public static partial class LanguageTag
{
    [GeneratedRegex(
        @"^[a-z]{2,3}(?:-[a-z]{3}){0,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?$|^x(?:-[a-z0-9]{1,8})+$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>The tag in its conventional case ("en-gb" → "en-GB", "sr-latn-rs" → "sr-Latn-RS"), or null when it is not a tag.</summary>
    public static string? Normalise(string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        if (lower.Length is 0 or > CustomerLimits.LanguageLength || !Shape().IsMatch(lower)) return null;
        var parts = lower.Split('-');
        // Case conventions apply only before the first singleton (extension or private use).
        for (var i = 1; i < parts.Length && parts[i].Length > 1; i++)
        {
            if (parts[i].Length == 2 && char.IsAsciiLetter(parts[i][0])) parts[i] = parts[i].ToUpperInvariant();
            else if (parts[i].Length == 4 && parts[i].All(char.IsAsciiLetter)) parts[i] = char.ToUpperInvariant(parts[i][0]) + parts[i][1..];
        }
        return string.Join('-', parts);
    }
}
