namespace Rapport.Mime;

/// <summary>Bounds for <see cref="MimeParser"/>. The defaults suit mail intake.</summary>
public sealed record MimeParserOptions
{
    public static readonly MimeParserOptions Default = new();

    /// <summary>Messages over this many bytes are not parsed: the result holds only the headers and says <see cref="MimeMessage.IsTooLarge"/>.</summary>
    public long MaxMessageSize { get; init; } = 50L * 1024 * 1024;

    /// <summary>How deep multiparts and attached messages may nest; deeper parts are kept as opaque content.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Headers past this count in one header block are skipped.</summary>
    public int MaxHeaderCount { get; init; } = 1000;

    /// <summary>Longest header field in bytes, folding included; longer ones are cut.</summary>
    public int MaxHeaderLength { get; init; } = 64 * 1024;
}
