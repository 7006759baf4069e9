using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Rapport.Features.Tickets.Attachments;

/// <summary>
/// File names as clients send them are untrusted text: only the last path segment is kept,
/// control and direction-override characters go (they disguise "gpj.exe" as "exe.jpg"), and
/// the name is cut to 255 characters keeping its extension. The name is only ever shown and
/// offered for download; it never becomes part of a storage path.
/// </summary>
public static class AttachmentFileName
{
    public const int MaxLength = 255;
    private const int LongestKeptExtension = 16;

    public static string Sanitise(string? name, string fallback)
    {
        name ??= "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || IsInvisibleFormatting(rune)) continue;
            // Characters Windows refuses in names: replaced, so the name still saves where it is downloaded.
            clean.Append(rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? "_" : rune.ToString());
        }
        // Leading dots hide files; trailing dots and spaces are dropped by Windows, turning "a.exe." into "a.exe".
        var result = TrimDotsAndSpaces(clean.ToString().Normalize(NormalizationForm.FormC));
        return result.Length == 0 ? fallback : Shorten(result);
    }

    /// <summary>Content-Disposition with both the plain and the RFC 5987 UTF-8 form of the name.</summary>
    public static string ContentDisposition(string fileName, bool inline)
    {
        var header = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        header.SetHttpFileName(fileName);
        return header.ToString();
    }

    private static string TrimDotsAndSpaces(string name)
    {
        int start = 0, end = name.Length;
        while (start < end && (name[start] == '.' || char.IsWhiteSpace(name[start]))) start++;
        while (end > start && (name[end - 1] == '.' || char.IsWhiteSpace(name[end - 1]))) end--;
        return name[start..end];
    }

    private static bool IsInvisibleFormatting(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format && rune.Value is not 0x200D // keeps emoji sequences joined
        || rune.Value is 0x2028 or 0x2029;

    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength) return name;
        var extension = Path.GetExtension(name);
        if (extension.Length > LongestKeptExtension) extension = "";
        var stem = name[..(MaxLength - extension.Length)];
        if (char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
        return TrimDotsAndSpaces(stem) + extension;
    }
}
