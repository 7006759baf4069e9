using System.Text;

namespace Rapport.Mime;

/// <summary>Finds the charset an HTML document declares in a &lt;meta charset&gt; or http-equiv tag.</summary>
internal static class HtmlCharset
{
    private const int ScanLimit = 8 * 1024;

    public static string? Sniff(ReadOnlySpan<byte> html)
    {
        var head = html[..Math.Min(html.Length, ScanLimit)];
        var pos = 0;
        while (pos < head.Length)
        {
            var meta = IndexOfIgnoreCase(head[pos..], "<meta"u8);
            if (meta < 0) return null;
            var start = pos + meta + 5;
            var close = head[start..].IndexOf((byte)'>');
            var tag = close < 0 ? head[start..] : head.Slice(start, close);
            var at = IndexOfIgnoreCase(tag, "charset"u8);
            if (at >= 0)
            {
                var rest = tag[(at + 7)..].TrimStart(" \t\r\n"u8);
                if (rest.Length > 0 && rest[0] == '=')
                {
                    rest = rest[1..].TrimStart(" \t\r\n\"'"u8);
                    var end = rest.IndexOfAny(" \t\r\n\"';/>"u8);
                    var name = end < 0 ? rest : rest[..end];
                    if (name.Length is > 0 and < 40) return Encoding.ASCII.GetString(name);
                }
            }
            pos = start;
        }
        return null;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var i = 0; i + lowerNeedle.Length <= text.Length; i++)
        {
            var j = 0;
            while (j < lowerNeedle.Length && (text[i + j] | 0x20) == lowerNeedle[j]) j++;
            if (j == lowerNeedle.Length) return i;
        }
        return -1;
    }
}
