using System.Text;

namespace Rapport.Mime;

/// <summary>Reads a header block: folding, bare LF, 8-bit bytes (UTF-8, else Latin-1), lines without
/// a colon (taken as the start of the body), and the count and length limits.</summary>
internal static class HeaderReader
{
    public static HeaderList Read(ReadOnlySpan<byte> data, MimeParserOptions options, DefectList defects, string where, bool topLevel, out int bodyStart)
    {
        var headers = new List<Header>();
        int nameStart = -1, nameEnd = 0, valueStart = 0, valueEnd = 0;
        var pos = 0;
        var sawBareLf = false;
        var tooMany = false;
        bodyStart = data.Length;
        if (topLevel && data.StartsWith("From "u8)) pos = NextLine(data, 0, out _, ref sawBareLf); // mbox separator
        while (pos < data.Length)
        {
            var next = NextLine(data, pos, out var contentEnd, ref sawBareLf);
            if (contentEnd == pos)
            {
                bodyStart = next;
                break;
            }
            var first = data[pos];
            if (first is (byte)' ' or (byte)'\t')
            {
                if (nameStart >= 0) valueEnd = contentEnd;
                pos = next;
                continue;
            }
            var colon = data[pos..contentEnd].IndexOf((byte)':');
            if (colon <= 0 || !IsFieldName(data.Slice(pos, colon)))
            {
                defects.Add(DefectKind.MissingHeaderBodySeparator, where, "a line without a colon ends the headers");
                bodyStart = pos;
                break;
            }
            AddHeader(headers, data, nameStart, nameEnd, valueStart, valueEnd, options, defects, where, ref tooMany);
            nameStart = pos;
            nameEnd = pos + colon;
            valueStart = pos + colon + 1;
            valueEnd = contentEnd;
            pos = next;
        }
        AddHeader(headers, data, nameStart, nameEnd, valueStart, valueEnd, options, defects, where, ref tooMany);
        if (sawBareLf && topLevel) defects.Add(DefectKind.BareLineFeed, where, "lines end in LF, not CRLF");
        return new HeaderList(headers);
    }

    private static void AddHeader(List<Header> headers, ReadOnlySpan<byte> data, int nameStart, int nameEnd, int valueStart, int valueEnd,
        MimeParserOptions options, DefectList defects, string where, ref bool tooMany)
    {
        if (nameStart < 0) return;
        if (headers.Count >= options.MaxHeaderCount)
        {
            if (!tooMany) defects.Add(DefectKind.TooManyHeaders, where, $"more than {options.MaxHeaderCount} headers; the rest are skipped");
            tooMany = true;
            return;
        }
        var name = Encoding.ASCII.GetString(data[nameStart..nameEnd].TrimEnd(" \t"u8));
        var value = data[valueStart..valueEnd];
        if (value.Length > options.MaxHeaderLength)
        {
            defects.Add(DefectKind.HeaderTooLong, where + " " + name, $"header longer than {options.MaxHeaderLength} bytes was cut");
            value = value[..options.MaxHeaderLength];
        }
        headers.Add(new Header(name, DecodeValue(value, defects, where + " " + name)));
    }

    private static string DecodeValue(ReadOnlySpan<byte> value, DefectList defects, string where)
    {
        if (value.Length > 0 && value[0] == ' ') value = value[1..];
        if (Ascii.IsValid(value)) return Encoding.ASCII.GetString(value);
        if (System.Text.Unicode.Utf8.IsValid(value)) return Encoding.UTF8.GetString(value);
        defects.Add(DefectKind.EightBitHeader, where, "8-bit bytes that are not UTF-8, read as Latin-1");
        return Charsets.Windows1252.GetString(value);
    }

    private static bool IsFieldName(ReadOnlySpan<byte> name)
    {
        name = name.TrimEnd(" \t"u8);
        if (name.IsEmpty) return false;
        foreach (var b in name) if (b is <= 32 or >= 127) return false;
        return true;
    }

    /// <summary>The start of the next line; <paramref name="contentEnd"/> is where this line's text ends (before CR LF).</summary>
    internal static int NextLine(ReadOnlySpan<byte> data, int pos, out int contentEnd, ref bool sawBareLf)
    {
        var lf = data[pos..].IndexOf((byte)'\n');
        if (lf < 0)
        {
            contentEnd = data.Length;
            return data.Length;
        }
        lf += pos;
        contentEnd = lf;
        if (lf > pos && data[lf - 1] == '\r') contentEnd--;
        else sawBareLf = true;
        return lf + 1;
    }
}
