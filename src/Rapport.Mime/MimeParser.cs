namespace Rapport.Mime;

/// <summary>Parses RFC 5322 / MIME messages. Never throws for malformed content: what could be read
/// comes back with <see cref="MimeMessage.Defects"/>. Only I/O errors and cancellation throw.</summary>
public static class MimeParser
{
    private const int TooLargeHeaderBytes = 1024 * 1024;

    public static MimeMessage Parse(ReadOnlyMemory<byte> data, MimeParserOptions? options = null)
    {
        options ??= MimeParserOptions.Default;
        if (data.Length > options.MaxMessageSize) return TooLarge(data[..(int)Math.Min(data.Length, TooLargeHeaderBytes)], options);
        return new EntityParser(options).ParseMessage(data, 0, "", new DefectList());
    }

    /// <summary>Reads the stream to its end (or past the size limit) and parses it.</summary>
    public static MimeMessage Parse(Stream input, MimeParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= MimeParserOptions.Default;
        var (data, tooLarge) = StreamReading.Read(input, options.MaxMessageSize, TooLargeHeaderBytes, cancellationToken);
        return tooLarge ? TooLarge(data, options) : Parse(data, options);
    }

    public static async Task<MimeMessage> ParseAsync(Stream input, MimeParserOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= MimeParserOptions.Default;
        var (data, tooLarge) = await StreamReading.ReadAsync(input, options.MaxMessageSize, TooLargeHeaderBytes, cancellationToken);
        return tooLarge ? TooLarge(data, options) : Parse(data, options);
    }

    private static MimeMessage TooLarge(ReadOnlyMemory<byte> start, MimeParserOptions options)
    {
        var defects = new DefectList();
        defects.Add(DefectKind.TooLarge, "message", $"over {options.MaxMessageSize} bytes: only the headers were read");
        var headers = HeaderReader.Read(start.Span, options, defects, "message", true, out _);
        var body = new MimeEntity("", HeaderList.Empty, ContentType.TextPlain, null, TransferEncoding.SevenBit, ReadOnlyMemory<byte>.Empty);
        return new MimeMessage(headers, body, defects, isTooLarge: true);
    }
}
