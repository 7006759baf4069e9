using System.Buffers.Text;
using System.Text;

namespace Rapport.Mime;

/// <summary>Transfer-encodes bodies for sending: 7bit when the text allows, else quoted-printable or
/// base64, whichever is shorter. Output lines end in CRLF and stay within 76 characters.</summary>
internal static class BodyEncoders
{
    private const int LineLength = 76;

    /// <summary>Text as UTF-8 with every line break made CRLF.</summary>
    public static byte[] NormalizedText(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "\r\n");
        return Encoding.UTF8.GetBytes(normalized);
    }

    public static TransferEncoding ChooseForText(ReadOnlySpan<byte> text)
    {
        var escapes = 0;
        var longLine = false;
        var lineLength = 0;
        foreach (var b in text)
        {
            if (b >= 128 || b == '=' || b < 32 && b is not ((byte)'\r' or (byte)'\n' or (byte)'\t')) escapes++;
            lineLength = b == '\n' ? 0 : lineLength + 1;
            if (lineLength > 998 - 2) longLine = true;
        }
        if (!longLine && Ascii.IsValid(text) && !HasControl(text)) return TransferEncoding.SevenBit;
        return text.Length + 2 * escapes > text.Length / 3 * 4 + 8 ? TransferEncoding.Base64 : TransferEncoding.QuotedPrintable;
    }

    private static bool HasControl(ReadOnlySpan<byte> text)
    {
        foreach (var b in text) if (b is < 32 and not ((byte)'\r' or (byte)'\n' or (byte)'\t') or 127) return true;
        return false;
    }

    public static void WriteBase64(Stream output, ReadOnlySpan<byte> data)
    {
        Span<byte> line = stackalloc byte[LineLength + 2];
        const int perLine = LineLength / 4 * 3;
        for (var pos = 0; pos < data.Length; pos += perLine)
        {
            var chunk = data.Slice(pos, Math.Min(perLine, data.Length - pos));
            Base64.EncodeToUtf8(chunk, line, out _, out var written);
            line[written] = (byte)'\r';
            line[written + 1] = (byte)'\n';
            output.Write(line[..(written + 2)]);
        }
    }

    public static void WriteQuotedPrintable(Stream output, ReadOnlySpan<byte> text)
    {
        var line = new List<byte>(LineLength + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                EndHardLine(output, line);
                i++;
                continue;
            }
            var literal = b is >= 33 and <= 126 and not (byte)'=' || b is (byte)' ' or (byte)'\t';
            var width = literal ? 1 : 3;
            if (line.Count + width > LineLength - 1)
            {
                line.Add((byte)'=');
                Flush(output, line);
            }
            if (literal) line.Add(b);
            else AddEscape(line, b);
        }
        // The last line is left open: the caller's line break ends it.
        if (line.Count > 0)
        {
            EndHardLine(output, line, withBreak: false);
        }
    }

    private static void EndHardLine(Stream output, List<byte> line, bool withBreak = true)
    {
        // Trailing whitespace would be stripped in transit: escape it.
        if (line.Count > 0 && line[^1] is (byte)' ' or (byte)'\t')
        {
            var last = line[^1];
            line.RemoveAt(line.Count - 1);
            if (line.Count + 3 > LineLength - 1)
            {
                line.Add((byte)'=');
                Flush(output, line);
            }
            AddEscape(line, last);
        }
        if (withBreak) Flush(output, line);
        else
        {
            output.Write(line.ToArray());
            line.Clear();
        }
    }

    private static void AddEscape(List<byte> line, byte b)
    {
        const string hex = "0123456789ABCDEF";
        line.Add((byte)'=');
        line.Add((byte)hex[b >> 4]);
        line.Add((byte)hex[b & 15]);
    }

    private static void Flush(Stream output, List<byte> line)
    {
        line.Add((byte)'\r');
        line.Add((byte)'\n');
        output.Write(line.ToArray());
        line.Clear();
    }
}
