namespace Rapport.Mime;

/// <summary>Finds the parts of a multipart body between "--boundary" lines (RFC 2046 §5.1.1).</summary>
internal static class BoundaryScanner
{
    /// <summary>The parts' ranges; <paramref name="closed"/> says whether "--boundary--" was seen.
    /// The line break before a boundary line belongs to the boundary, not to the part.</summary>
    public static List<(int Start, int Length)> Split(ReadOnlySpan<byte> body, ReadOnlySpan<byte> delimiter, out bool closed, out bool reused)
    {
        var parts = new List<(int, int)>();
        closed = false;
        reused = false;
        var partStart = -1;
        var pos = 0;
        var ignored = false;
        while (pos < body.Length)
        {
            var hit = body[pos..].IndexOf(delimiter);
            if (hit < 0) break;
            var at = pos + hit;
            var after = at + delimiter.Length;
            pos = after;
            if (at > 0 && body[at - 1] != '\n') continue;
            var isClose = after + 1 < body.Length && body[after] == '-' && body[after + 1] == '-';
            var rest = isClose ? after + 2 : after;
            var next = HeaderReader.NextLine(body, rest, out var lineEnd, ref ignored);
            if (!body[rest..lineEnd].TrimEnd(" \t"u8).IsEmpty) continue; // "--boundary-more": another boundary
            if (partStart >= 0) parts.Add((partStart, Math.Max(0, LineStartBefore(body, at) - partStart)));
            if (isClose)
            {
                closed = true;
                // A nested multipart that reused this boundary closed here; the parts after it are still ours.
                var reopen = body[next..].IndexOf(delimiter);
                if (reopen < 0 || !IsOpeningLine(body, next + reopen, delimiter.Length)) break;
                reused = true;
                closed = false;
                partStart = -1;
                pos = next;
                continue;
            }
            partStart = next;
            pos = next;
        }
        if (!closed && partStart >= 0) parts.Add((partStart, body.Length - partStart));
        return parts;
    }

    private static bool IsOpeningLine(ReadOnlySpan<byte> body, int at, int length)
    {
        if (at > 0 && body[at - 1] != '\n') return false;
        var ignored = false;
        HeaderReader.NextLine(body, at + length, out var lineEnd, ref ignored);
        return body[(at + length)..lineEnd].TrimEnd(" \t"u8).IsEmpty;
    }

    private static int LineStartBefore(ReadOnlySpan<byte> body, int at)
    {
        if (at > 0 && body[at - 1] == '\n') at--;
        if (at > 0 && body[at - 1] == '\r') at--;
        return at;
    }
}
