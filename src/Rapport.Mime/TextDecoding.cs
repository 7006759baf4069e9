using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Rapport.Mime;

/// <summary>Makes one string of several text parts (joined by a line break) with no copy but the
/// string itself: the characters are counted first, then decoded straight into it.</summary>
internal static class TextDecoding
{
    public static string? Join(IReadOnlyList<MimeEntity> parts, DefectList defects)
    {
        if (parts.Count == 0) return null;
        if (parts.Any(p => FlowedText.Applies(p.ContentType)))
            return string.Join("\n", parts.Select(p => Unwrapped(p, defects)));
        return Decode(parts, defects);
    }

    private static string Decode(IReadOnlyList<MimeEntity> parts, DefectList defects)
    {
        var pieces = new (Encoding Encoding, ReadOnlyMemory<byte> Bytes, byte[]? Rented)[parts.Count];
        try
        {
            var length = parts.Count - 1;
            for (var i = 0; i < parts.Count; i++)
            {
                pieces[i] = parts[i].DecodeForText(defects);
                length += CharCount(pieces[i].Encoding, pieces[i].Bytes.Span);
            }
            return string.Create(length, pieces, static (span, pieces) =>
            {
                var n = 0;
                for (var i = 0; i < pieces.Length; i++)
                {
                    if (i > 0) span[n++] = '\n';
                    n += GetChars(pieces[i].Encoding, pieces[i].Bytes.Span, span[n..]);
                }
            });
        }
        finally
        {
            foreach (var piece in pieces)
                if (piece.Rented is not null) ArrayPool<byte>.Shared.Return(piece.Rented);
        }
    }

    private static string Unwrapped(MimeEntity part, DefectList defects)
    {
        var text = Decode([part], defects);
        var deleteSpace = string.Equals(part.ContentType.Parameters.GetValueOrDefault("delsp"), "yes", StringComparison.OrdinalIgnoreCase);
        return FlowedText.Applies(part.ContentType) ? FlowedText.Unwrap(text, deleteSpace) : text;
    }

    // UTF-8 goes through Utf8.ToUtf16, which replaces invalid bytes without allocating
    // (UTF8Encoding's fallback path allocates several times the text).
    private static int CharCount(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        if (encoding.CodePage != 65001) return encoding.GetCharCount(bytes);
        Span<char> scratch = stackalloc char[2048];
        var total = 0;
        while (!bytes.IsEmpty)
        {
            Utf8.ToUtf16(bytes, scratch, out var read, out var written);
            total += written;
            bytes = bytes[read..];
        }
        return total;
    }

    private static int GetChars(Encoding encoding, ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        if (encoding.CodePage != 65001) return encoding.GetChars(bytes, destination);
        Utf8.ToUtf16(bytes, destination, out _, out var written);
        return written;
    }
}
