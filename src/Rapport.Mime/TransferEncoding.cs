using System.Buffers;

namespace Rapport.Mime;

/// <summary>Content-Transfer-Encoding values (RFC 2045 §6).</summary>
public enum TransferEncoding
{
    SevenBit,
    EightBit,
    Binary,
    Base64,
    QuotedPrintable,
}

/// <summary>Decodes transfer-encoded content in bounded chunks, so large parts never need a second full copy.</summary>
internal static class TransferDecoding
{
    /// <summary>Room for one decoded chunk: quoted-printable can give back as many bytes as it reads, plus a dangling escape.
    /// 64 KB exactly, the size of a pooled buffer.</summary>
    public const int OutputSize = 64 * 1024;

    public const int ChunkSize = OutputSize - 8;

    public static TransferEncoding Parse(string? value, out bool known)
    {
        known = true;
        var token = value?.Trim().Trim('"').ToLowerInvariant();
        switch (token)
        {
            case null or "" or "7bit" or "7-bit": return TransferEncoding.SevenBit;
            case "8bit" or "8-bit": return TransferEncoding.EightBit;
            case "binary": return TransferEncoding.Binary;
            case "base64": return TransferEncoding.Base64;
            case "quoted-printable" or "quotedprintable": return TransferEncoding.QuotedPrintable;
            default:
                known = false;
                return TransferEncoding.Binary;
        }
    }

    /// <summary>Decodes <paramref name="encoded"/> chunk by chunk, handing each decoded chunk to <paramref name="sink"/>.
    /// Returns how many input bytes were invalid for the encoding.</summary>
    public static int Decode<TState>(ReadOnlySpan<byte> encoded, TransferEncoding encoding, TState state, ChunkSink<TState> sink)
    {
        if (encoding is not (TransferEncoding.Base64 or TransferEncoding.QuotedPrintable))
        {
            sink(state, encoded);
            return 0;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(OutputSize);
        try
        {
            var base64 = new Base64Decoder();
            var qp = new QuotedPrintableDecoder();
            for (var offset = 0; offset < encoded.Length; offset += ChunkSize)
            {
                var chunk = encoded.Slice(offset, Math.Min(ChunkSize, encoded.Length - offset));
                var n = encoding == TransferEncoding.Base64 ? base64.Decode(chunk, buffer) : qp.Decode(chunk, buffer);
                if (n > 0) sink(state, buffer.AsSpan(0, n));
            }
            var last = encoding == TransferEncoding.Base64 ? base64.Finish(buffer) : qp.Finish(buffer);
            if (last > 0) sink(state, buffer.AsSpan(0, last));
            return encoding == TransferEncoding.Base64 ? base64.InvalidBytes : qp.InvalidSequences;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public delegate void ChunkSink<in TState>(TState state, ReadOnlySpan<byte> chunk);

    /// <summary>Decodes into <paramref name="output"/>, which must hold <c>encoded.Length + 8</c> bytes; returns the length written.</summary>
    public static int DecodeInto(ReadOnlySpan<byte> encoded, TransferEncoding encoding, byte[] output)
    {
        var target = new Target(output);
        Decode(encoded, encoding, target, static (t, chunk) =>
        {
            chunk.CopyTo(t.Output.AsSpan(t.Length));
            t.Length += chunk.Length;
        });
        return target.Length;
    }

    private sealed class Target(byte[] output)
    {
        public byte[] Output { get; } = output;
        public int Length { get; set; }
    }

    public static byte[] ToArray(ReadOnlySpan<byte> encoded, TransferEncoding encoding, out int invalid)
    {
        var writer = new ArrayBufferWriter<byte>(Math.Max(16, encoded.Length));
        invalid = Decode(encoded, encoding, writer, static (w, chunk) => w.Write(chunk));
        return writer.WrittenSpan.ToArray();
    }

    public static long DecodedLength(ReadOnlySpan<byte> encoded, TransferEncoding encoding, out int invalid)
    {
        var counter = new StrongBox<long>();
        invalid = Decode(encoded, encoding, counter, static (c, chunk) => c.Value += chunk.Length);
        return counter.Value;
    }

    private sealed class StrongBox<T> { public T? Value; }
}
