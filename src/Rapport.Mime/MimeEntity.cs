using System.Buffers;
using System.Text;

namespace Rapport.Mime;

/// <summary>One node of a message's MIME tree: a multipart with <see cref="Children"/>, an attached
/// message (<see cref="Message"/>), or a leaf whose content is kept transfer-encoded and decoded on read.</summary>
public sealed class MimeEntity
{
    internal MimeEntity(string partPath, HeaderList headers, ContentType contentType, ContentDisposition? disposition,
        TransferEncoding transferEncoding, ReadOnlyMemory<byte> encodedContent)
    {
        PartPath = partPath;
        Headers = headers;
        ContentType = contentType;
        ContentDisposition = disposition;
        TransferEncoding = transferEncoding;
        EncodedContent = encodedContent;
        ContentId = MessageIds.Strip(headers.Get("Content-ID")?.UnfoldedValue);
    }

    /// <summary>Where the part sits, IMAP style: "" for the message body, "1", "2.1", …</summary>
    public string PartPath { get; }

    public HeaderList Headers { get; }

    public ContentType ContentType { get; }

    public ContentDisposition? ContentDisposition { get; }

    /// <summary>The Content-ID without angle brackets, as "cid:" URLs in HTML refer to it.</summary>
    public string? ContentId { get; }

    public TransferEncoding TransferEncoding { get; }

    /// <summary>The body as it was in the message, before transfer decoding.</summary>
    public ReadOnlyMemory<byte> EncodedContent { get; }

    /// <summary>The parts of a multipart, in order; empty for anything else.</summary>
    public IReadOnlyList<MimeEntity> Children { get; internal set; } = [];

    /// <summary>The parsed message of a message/rfc822 part (also message/global and text/rfc822-headers).</summary>
    public MimeMessage? Message { get; internal set; }

    /// <summary>Decoded size in bytes.</summary>
    public long Size { get; internal set; }

    public bool IsMultipart => ContentType.IsMultipart && Children.Count > 0;

    /// <summary>The file name from Content-Disposition, else the Content-Type name parameter.</summary>
    public string? FileName
    {
        get
        {
            var name = ContentDisposition?.FileName ?? ContentType.Name;
            if (string.IsNullOrWhiteSpace(name)) return null;
            // A name is a name, not a path: strip any directories a sender's client left in.
            var slash = name.LastIndexOfAny(['/', '\\']);
            return (slash >= 0 ? name[(slash + 1)..] : name).Trim();
        }
    }

    /// <summary>The decoded content as a stream (streamed, not buffered).</summary>
    public Stream OpenRead() => new DecodingStream(EncodedContent, TransferEncoding);

    /// <summary>The decoded content.</summary>
    public byte[] GetBytes() => TransferDecoding.ToArray(EncodedContent.Span, TransferEncoding, out _);

    /// <summary>The decoded content as text, using the declared charset (or an HTML meta charset).</summary>
    public string GetText() => GetText(new DefectList());

    internal string GetText(DefectList defects) => TextDecoding.Join([this], defects)!;

    /// <summary>The transfer-decoded bytes and the encoding to read them with. <c>Rented</c>, when set,
    /// holds the bytes and goes back to the pool once the text is made.</summary>
    internal (Encoding Encoding, ReadOnlyMemory<byte> Bytes, byte[]? Rented) DecodeForText(DefectList defects)
    {
        ReadOnlyMemory<byte> bytes = EncodedContent;
        byte[]? rented = null;
        if (TransferEncoding is TransferEncoding.Base64 or TransferEncoding.QuotedPrintable)
        {
            // Decoded output is never longer than its input plus a dangling escape.
            rented = ArrayPool<byte>.Shared.Rent(EncodedContent.Length + 8);
            bytes = rented.AsMemory(0, TransferDecoding.DecodeInto(EncodedContent.Span, TransferEncoding, rented));
        }
        var charset = ContentType.Charset;
        if (string.IsNullOrWhiteSpace(charset) && ContentType.Is("text", "html")) charset = HtmlCharset.Sniff(bytes.Span);
        var encoding = Charsets.Choose(bytes.Span, charset, defects, PartPath.Length == 0 ? "body" : "part " + PartPath);
        return (encoding, bytes, rented);
    }

    public override string ToString() => $"{PartPath} {ContentType.MimeType}";
}
