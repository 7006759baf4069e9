using System.Globalization;
using System.Text;

namespace Rapport.Mime;

/// <summary>Encodes header text for sending: RFC 2047 encoded words for non-ASCII text, quoted
/// phrases for display names, RFC 2231 parameters for file names.</summary>
internal static class HeaderEncoder
{
    private const int MaxWord = 75;
    private const string Specials = "()<>[]:;@\\,.\"";

    /// <summary>An unstructured field (Subject, extra headers): plain folded words when ASCII, else encoded words.</summary>
    public static string Unstructured(string name, string value)
    {
        value = OneLine(value);
        var folder = new HeaderFolder(name);
        if (NeedsEncoding(value)) AddEncodedWords(folder, value);
        else folder.AddWords(value);
        return folder.ToString();
    }

    public static string Addresses(string name, IEnumerable<MailboxAddress> addresses)
    {
        var folder = new HeaderFolder(name);
        var first = true;
        foreach (var mailbox in addresses)
        {
            if (!first) folder.Add(",", glued: true);
            first = false;
            var display = mailbox.DisplayName is null ? "" : OneLine(mailbox.DisplayName).Trim();
            if (display.Length > 0)
            {
                if (NeedsEncoding(display)) AddEncodedWords(folder, display);
                else if (display.Any(c => Specials.Contains(c))) folder.Add(Quote(display));
                else folder.AddWords(display);
                folder.Add("<" + AsciiAddress(mailbox.Address) + ">");
            }
            else folder.Add(AsciiAddress(mailbox.Address));
        }
        return folder.ToString();
    }

    /// <summary>Message ids, each in angle brackets, folded between ids.</summary>
    public static string Ids(string name, IEnumerable<string> ids)
    {
        var folder = new HeaderFolder(name);
        foreach (var id in ids) folder.Add("<" + OneLine(id).Trim().Trim('<', '>') + ">");
        return folder.ToString();
    }

    /// <summary>Content-Type or Content-Disposition with a file name parameter: RFC 2231 for non-ASCII or
    /// long names, and (for old readers) an RFC 2047 name in Content-Type's "name".</summary>
    public static string WithFileName(string name, string value, string parameter, string? fileName)
    {
        var folder = new HeaderFolder(name);
        folder.Add(value + (fileName is null ? "" : ";"));
        if (fileName is null) return folder.ToString();
        fileName = OneLine(fileName);
        if (!NeedsEncoding(fileName) && fileName.Length <= 60)
        {
            folder.Add($"{parameter}={Quote(fileName)}");
            return folder.ToString();
        }
        if (parameter == "name")
        {
            // RFC 2047 inside a quoted string is not standard but is what Outlook and Gmail read;
            // the words fold inside the quotes, and readers drop the space between them.
            var words = EncodeWords(fileName, MaxWord, MaxWord - parameter.Length - 2);
            for (var i = 0; i < words.Count; i++)
                folder.Add((i == 0 ? parameter + "=\"" : "") + words[i] + (i == words.Count - 1 ? "\"" : ""));
            return folder.ToString();
        }
        // RFC 2231 sections, split between characters (some readers decode each section alone).
        var sections = new List<string>();
        var section = new StringBuilder();
        foreach (var rune in fileName.EnumerateRunes())
        {
            var piece = PercentEncode(rune.ToString());
            if (section.Length > 0 && section.Length + piece.Length > 50)
            {
                sections.Add(section.ToString());
                section.Clear();
            }
            section.Append(piece);
        }
        sections.Add(section.ToString());
        for (var i = 0; i < sections.Count; i++)
            folder.Add($"{parameter}*{i}*={(i == 0 ? "utf-8''" : "")}{sections[i]}" + (i < sections.Count - 1 ? ";" : ""));
        return folder.ToString();
    }

    private static void AddEncodedWords(HeaderFolder folder, string value)
    {
        foreach (var word in EncodeWords(value, MaxWord, Math.Max(24, folder.Room))) folder.Add(word);
    }

    /// <summary>Splits text into encoded words of at most <paramref name="max"/> characters (the first at most
    /// <paramref name="firstMax"/>), never splitting a character; Q when shorter than B.</summary>
    internal static List<string> EncodeWords(string value, int max, int? firstMax = null)
    {
        var words = new List<string>();
        var bytes = Encoding.UTF8.GetBytes(value);
        var useQ = EncodedLength(bytes, q: true) <= EncodedLength(bytes, q: false);
        var prefix = useQ ? "=?utf-8?Q?" : "=?utf-8?B?";
        var limit = (firstMax ?? max) - prefix.Length - 2;
        var start = 0;
        var pos = 0;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            var n = rune.EncodeToUtf8(buffer);
            if (pos > start && EncodedLength(bytes.AsSpan(start, pos + n - start), useQ) > limit)
            {
                words.Add(prefix + Encode(bytes.AsSpan(start, pos - start), useQ) + "?=");
                start = pos;
                limit = max - prefix.Length - 2;
            }
            pos += n;
        }
        if (pos > start || words.Count == 0) words.Add(prefix + Encode(bytes.AsSpan(start, pos - start), useQ) + "?=");
        return words;
    }

    private static int EncodedLength(ReadOnlySpan<byte> bytes, bool q)
    {
        if (!q) return (bytes.Length + 2) / 3 * 4;
        var length = 0;
        foreach (var b in bytes) length += IsQSafe(b) || b == ' ' ? 1 : 3;
        return length;
    }

    private static string Encode(ReadOnlySpan<byte> bytes, bool q)
    {
        if (!q) return Convert.ToBase64String(bytes);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b == ' ') sb.Append('_');
            else if (IsQSafe(b)) sb.Append((char)b);
            else sb.Append('=').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    // The characters RFC 2047 §5(3) allows in a Q word inside a phrase (safe everywhere).
    private static bool IsQSafe(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'!' or (byte)'*' or (byte)'+' or (byte)'-' or (byte)'/';

    private static bool NeedsEncoding(string value)
    {
        if (value.Contains("=?", StringComparison.Ordinal)) return true;
        foreach (var c in value) if (c is < ' ' or > '~') return true;
        // Words too long to fold would break the line limit.
        foreach (var word in value.Split(' ')) if (word.Length > 70) return true;
        return false;
    }

    private static string PercentEncode(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'.' or (byte)'-' or (byte)'_')
                sb.Append((char)b);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>An address with its domain in ASCII (IDNA); a non-ASCII local part is left as it is.</summary>
    internal static string AsciiAddress(string address)
    {
        address = OneLine(address).Trim();
        var at = address.LastIndexOf('@');
        if (at < 0 || Ascii.IsValid(address.AsSpan(at))) return address;
        try
        {
            return address[..(at + 1)] + new IdnMapping().GetAscii(address[(at + 1)..]);
        }
        catch (ArgumentException)
        {
            return address;
        }
    }

    /// <summary>Header values are one line: CR and LF would let a value inject headers.</summary>
    internal static string OneLine(string value) =>
        value.AsSpan().IndexOfAny('\r', '\n') < 0 && !value.Contains('\t') ? value : value.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
}
