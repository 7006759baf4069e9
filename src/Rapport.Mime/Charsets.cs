using System.Collections.Concurrent;
using System.Text;

namespace Rapport.Mime;

/// <summary>Finds a .NET encoding for a MIME charset name, legacy code pages included, and
/// decodes text the way a mail client does when the label is missing or wrong.</summary>
public static class Charsets
{
    private static readonly ConcurrentDictionary<string, Encoding?> Cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Windows-1252: what "Latin-1" means in practice (it is a superset for printable text).</summary>
    public static readonly Encoding Windows1252;

    internal static readonly UTF8Encoding StrictUtf8 = new(false, true);

    static Charsets()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    /// <summary>The encoding for a charset label, or null if .NET knows no such charset.</summary>
    public static Encoding? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        return Cache.GetOrAdd(name, Lookup);
    }

    private static Encoding? Lookup(string name)
    {
        var label = name.Trim().Trim('"', '\'').Trim();
        var star = label.IndexOf('*'); // RFC 2231 language suffix: utf-8*en
        if (star >= 0) label = label[..star];
        label = label.ToLowerInvariant() switch
        {
            "utf8" or "utf-8-sig" or "x-unicode20utf8" => "utf-8",
            "ascii" or "us_ascii" or "ansi_x3.4-1968" or "iso646-us" or "ascii-us" => "us-ascii",
            "latin1" or "latin-1" or "iso8859-1" or "iso_8859-1" or "8859-1" => "iso-8859-1",
            "cp1252" or "win-1252" or "x-cp1252" => "windows-1252",
            "ks_c_5601-1987" or "ks_c_5601" or "ksc5601" => "ks_c_5601-1987",
            "x-mac-roman" or "macintosh" or "mac" => "macintosh",
            "iso-8859-8-i" => "iso-8859-8-i",
            _ => label,
        };
        // As browsers and mail clients do: text labelled Latin-1 is nearly always Windows-1252.
        if (label == "iso-8859-1") return Windows1252;
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            if (label.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(label.AsSpan(2), out var page))
            {
                try { return Encoding.GetEncoding(page); } catch (ArgumentException) { } catch (NotSupportedException) { }
            }
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The encoding to read bytes labelled <paramref name="charset"/> with: an unknown label, or bytes
    /// that are not valid for an ASCII/UTF-8 label, fall back to UTF-8 if valid, then Windows-1252.</summary>
    internal static Encoding Choose(ReadOnlySpan<byte> bytes, string? charset, DefectList defects, string where)
    {
        var encoding = Find(charset);
        if (encoding is null && !string.IsNullOrWhiteSpace(charset))
            defects.Add(DefectKind.UnknownCharset, where, $"unknown charset \"{charset}\"");
        if (encoding is null || encoding.CodePage == 20127)
        {
            if (!System.Text.Ascii.IsValid(bytes) && encoding is not null)
                defects.Add(DefectKind.InvalidCharsetData, where, "8-bit bytes in a part labelled us-ascii");
            return Utf8OrLatin1(bytes);
        }
        if (encoding.CodePage != 65001 || System.Text.Unicode.Utf8.IsValid(bytes)) return encoding;
        defects.Add(DefectKind.InvalidCharsetData, where, "bytes that are not UTF-8 in a part labelled UTF-8");
        // Not one valid multi-byte character: Latin-1 text with the wrong label, not damaged UTF-8.
        return HasUtf8Sequence(bytes) ? Encoding.UTF8 : Windows1252;
    }

    private static bool HasUtf8Sequence(ReadOnlySpan<byte> bytes)
    {
        while (true)
        {
            var high = bytes.IndexOfAnyInRange((byte)0xC2, (byte)0xF4);
            if (high < 0) return false;
            bytes = bytes[high..];
            if (Rune.DecodeFromUtf8(bytes, out _, out var consumed) == System.Buffers.OperationStatus.Done) return true;
            bytes = bytes[Math.Max(1, consumed)..];
        }
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252.</summary>
    internal static Encoding Utf8OrLatin1(ReadOnlySpan<byte> bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8 : Windows1252;
}
