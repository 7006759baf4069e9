using System.Collections;

namespace Rapport.Mime;

/// <summary>One header field. <see cref="RawValue"/> is the text as written (folding kept);
/// <see cref="Value"/> is unfolded, trimmed and has RFC 2047 encoded words decoded.</summary>
public sealed class Header(string name, string rawValue)
{
    private string? value;

    public string Name { get; } = name;

    public string RawValue { get; } = rawValue;

    /// <summary>The raw value with line folding removed, encoded words left as they are.</summary>
    public string UnfoldedValue => Unfold(RawValue);

    public string Value => value ??= EncodedWords.Decode(UnfoldedValue);

    public override string ToString() => $"{Name}: {Value}";

    internal static string Unfold(string raw)
    {
        if (raw.AsSpan().IndexOfAny('\r', '\n') < 0) return raw.Trim();
        return string.Create(raw.Length, raw, static (span, text) =>
        {
            var n = 0;
            foreach (var c in text) if (c is not ('\r' or '\n')) span[n++] = c;
            span[n..].Fill(' ');
        }).Trim();
    }
}

/// <summary>Header fields in their original order, looked up by name without regard to case.</summary>
public sealed class HeaderList : IReadOnlyList<Header>
{
    public static readonly HeaderList Empty = new([]);

    private readonly List<Header> headers;

    internal HeaderList(List<Header> headers) => this.headers = headers;

    public int Count => headers.Count;

    public Header this[int index] => headers[index];

    /// <summary>The decoded value of the first header with this name, or null.</summary>
    public string? this[string name] => Get(name)?.Value;

    public Header? Get(string name)
    {
        foreach (var header in headers)
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase)) return header;
        return null;
    }

    public IReadOnlyList<Header> GetAll(string name) =>
        headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();

    public bool Contains(string name) => Get(name) is not null;

    public IEnumerator<Header> GetEnumerator() => headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
