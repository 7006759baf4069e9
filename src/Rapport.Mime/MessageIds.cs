using System.Security.Cryptography;

namespace Rapport.Mime;

/// <summary>Message-ID values: generating new ones and reading the ones in headers.</summary>
public static class MessageIds
{
    /// <summary>A new unique id "&lt;random@domain&gt;" (128 random bits, lower-case base32).</summary>
    public static string New(string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<char> id = stackalloc char[26];
        ulong acc = 0;
        int bits = 0, n = 0;
        foreach (var b in random)
        {
            acc = acc << 8 | b;
            bits += 8;
            while (bits >= 5) id[n++] = alphabet[(int)(acc >> (bits -= 5)) & 31];
        }
        if (bits > 0) id[n++] = alphabet[(int)(acc << (5 - bits)) & 31];
        return $"<{id[..n]}@{domain.Trim().Trim('<', '>', '@')}>";
    }

    /// <summary>Every "&lt;id&gt;" in a header value, brackets removed; a value with no brackets is split on whitespace.</summary>
    public static IReadOnlyList<string> ParseList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var ids = new List<string>();
        var pos = 0;
        while (true)
        {
            var open = value.IndexOf('<', pos);
            if (open < 0) break;
            var close = value.IndexOf('>', open + 1);
            if (close < 0) break;
            var id = value.AsSpan(open + 1, close - open - 1).Trim();
            if (!id.IsEmpty && !id.ContainsAny(' ', '\t', '<')) ids.Add(id.ToString());
            pos = close + 1;
        }
        if (ids.Count == 0 && pos == 0)
            ids.AddRange(value.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).Where(t => t.Contains('@')));
        return ids;
    }

    /// <summary>The first id in a header value, brackets removed, or null.</summary>
    public static string? Strip(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var list = ParseList(value);
        if (list.Count > 0) return list[0];
        var bare = value.Trim().Trim('<', '>').Trim();
        return bare.Length == 0 ? null : bare;
    }
}
