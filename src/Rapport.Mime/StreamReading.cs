namespace Rapport.Mime;

/// <summary>Reads a whole message into memory, stopping at the size limit. A seekable stream is read
/// into one exactly sized array; others in 1 MB chunks joined at the end.</summary>
internal static class StreamReading
{
    private const int ChunkSize = 1024 * 1024;

    public static (ReadOnlyMemory<byte> Data, bool TooLarge) Read(Stream input, long limit, int headBytes, CancellationToken cancellationToken)
    {
        var chunks = new List<ArraySegment<byte>>();
        long total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = new byte[NextChunkSize(input, total, limit, headBytes, out var knownTooLarge)];
            var filled = 0;
            int read;
            while (filled < chunk.Length && (read = input.Read(chunk, filled, chunk.Length - filled)) > 0) filled += read;
            if (Add(chunks, chunk, filled, ref total, limit, knownTooLarge, out var done)) return (Join(chunks, total, headBytes), true);
            if (done) return (Join(chunks, total, int.MaxValue), false);
        }
    }

    public static async Task<(ReadOnlyMemory<byte> Data, bool TooLarge)> ReadAsync(Stream input, long limit, int headBytes, CancellationToken cancellationToken)
    {
        var chunks = new List<ArraySegment<byte>>();
        long total = 0;
        while (true)
        {
            var chunk = new byte[NextChunkSize(input, total, limit, headBytes, out var knownTooLarge)];
            var filled = 0;
            int read;
            while (filled < chunk.Length && (read = await input.ReadAsync(chunk.AsMemory(filled), cancellationToken)) > 0) filled += read;
            if (Add(chunks, chunk, filled, ref total, limit, knownTooLarge, out var done)) return (Join(chunks, total, headBytes), true);
            if (done) return (Join(chunks, total, int.MaxValue), false);
        }
    }

    private static int NextChunkSize(Stream input, long total, long limit, int headBytes, out bool knownTooLarge)
    {
        knownTooLarge = false;
        if (total == 0 && input.CanSeek)
        {
            var remaining = input.Length - input.Position;
            knownTooLarge = remaining > limit;
            if (knownTooLarge) return headBytes;
            // One more byte than expected, so the end of the stream is seen without a second read.
            if (remaining is >= 0 and < int.MaxValue - 64) return (int)remaining + 1;
        }
        return ChunkSize;
    }

    /// <summary>True when the message is over the limit; <paramref name="done"/> when the stream has ended.</summary>
    private static bool Add(List<ArraySegment<byte>> chunks, byte[] chunk, int filled, ref long total, long limit, bool knownTooLarge, out bool done)
    {
        done = filled < chunk.Length;
        if (filled > 0) chunks.Add(new ArraySegment<byte>(chunk, 0, filled));
        total += filled;
        return knownTooLarge || total > limit;
    }

    private static ReadOnlyMemory<byte> Join(List<ArraySegment<byte>> chunks, long total, int max)
    {
        var length = (int)Math.Min(total, max);
        if (chunks.Count == 0) return ReadOnlyMemory<byte>.Empty;
        if (chunks[0].Count >= length) return chunks[0].AsMemory(0, length);
        var data = new byte[length];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            var take = Math.Min(chunk.Count, length - offset);
            chunk.AsSpan(0, take).CopyTo(data.AsSpan(offset));
            offset += take;
            if (offset == length) break;
        }
        return data;
    }
}
