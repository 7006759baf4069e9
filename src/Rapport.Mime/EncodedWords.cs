using System.Buffers;
using System.Text;

namespace Rapport.Mime;

/// <summary>RFC 2047 encoded words (<c>=?charset?B|Q?text?=</c>) in header text.</summary>
public static class EncodedWords
{
    /// <summary>Decodes every encoded word in <paramref name="text"/>. Whitespace between two adjacent
    /// encoded words is dropped; adjacent words in one charset are joined before decoding, so a
    /// character split across two words survives. Malformed words are left as written.</summary>
    public static string Decode(string text)
    {
        var start = text.IndexOf("=?", StringComparison.Ordinal);
        if (start < 0) return text;
        var result = new StringBuilder(text.Length);
        var pending = new ArrayBufferWriter<byte>();
        string? pendingCharset = null;
        var pos = 0;
        while (start >= 0)
        {
            if (!TryReadWord(text, start, out var charset, out var encoding, out var payload, out var end))
            {
                start = end < 0 ? -1 : text.IndexOf("=?", start + 2, StringComparison.Ordinal);
                continue;
            }
            var between = text.AsSpan(pos, start - pos);
            var adjacent = pendingCharset is not null && between.IsWhiteSpace();
            if (!adjacent || !string.Equals(charset, pendingCharset, StringComparison.OrdinalIgnoreCase))
            {
                Flush(result, pending, ref pendingCharset);
                if (!adjacent) result.Append(between);
            }
            pendingCharset = charset;
            DecodePayload(payload, encoding, pending);
            pos = end;
            start = text.IndexOf("=?", pos, StringComparison.Ordinal);
        }
        Flush(result, pending, ref pendingCharset);
        result.Append(text.AsSpan(pos));
        return result.ToString();
    }

    private static void Flush(StringBuilder result, ArrayBufferWriter<byte> pending, ref string? charset)
    {
        if (charset is null) return;
        var encoding = Charsets.Find(charset);
        var bytes = pending.WrittenSpan;
        result.Append(encoding is null || encoding.CodePage is 20127 or 65001
            ? Charsets.Utf8OrLatin1(bytes).GetString(bytes)
            : encoding.GetString(bytes));
        pending.ResetWrittenCount();
        charset = null;
    }

    private static bool TryReadWord(string text, int start, out string charset, out char encoding, out ReadOnlySpan<char> payload, out int end)
    {
        charset = ""; encoding = ' '; payload = default; end = 0;
        // Charset names are short: never search far for the '?' that ends one.
        var nameArea = text.AsSpan(start + 2, Math.Min(42, text.Length - start - 2));
        var nameLength = nameArea.IndexOf('?');
        if (nameLength <= 0) return false;
        var q1 = start + 2 + nameLength;
        if (q1 + 3 >= text.Length || text[q1 + 2] != '?') return false;
        encoding = char.ToUpperInvariant(text[q1 + 1]);
        if (encoding is not ('B' or 'Q')) return false;
        var name = text.AsSpan(start + 2, nameLength);
        if (name.ContainsAny(' ', '\t', '"')) return false;
        // Every check that can fail without searching is done: a word without its "?=" means no later word has one.
        var close = text.IndexOf("?=", q1 + 3, StringComparison.Ordinal);
        if (close < 0)
        {
            end = -1;
            return false;
        }
        charset = name.ToString();
        payload = text.AsSpan(q1 + 3, close - q1 - 3);
        end = close + 2;
        return true;
    }

    private static void DecodePayload(ReadOnlySpan<char> payload, char encoding, ArrayBufferWriter<byte> output)
    {
        var span = output.GetSpan(payload.Length);
        var n = 0;
        if (encoding == 'B')
        {
            var decoder = new Base64Decoder();
            Span<byte> ascii = payload.Length <= 512 ? stackalloc byte[payload.Length] : new byte[payload.Length];
            for (var i = 0; i < payload.Length; i++) ascii[i] = payload[i] < 128 ? (byte)payload[i] : (byte)'?';
            n = decoder.Decode(ascii, span);
            n += decoder.Finish(span[n..]);
        }
        else
        {
            for (var i = 0; i < payload.Length; i++)
            {
                var c = payload[i];
                if (c == '_') span[n++] = (byte)' ';
                else if (c == '=' && i + 2 < payload.Length && HexValue(payload[i + 1]) is >= 0 and var hi && HexValue(payload[i + 2]) is >= 0 and var lo)
                {
                    span[n++] = (byte)(hi << 4 | lo);
                    i += 2;
                }
                else span[n++] = c < 256 ? (byte)c : (byte)'?';
            }
        }
        output.Advance(n);
    }

    internal static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
