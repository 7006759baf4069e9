using System.Collections.Immutable;
using System.Text;

namespace Rapport.Mime;

/// <summary>Builds the entity tree over one in-memory message. Content is never copied: leaves keep
/// slices of the message bytes, decoded only when read.</summary>
internal sealed class EntityParser(MimeParserOptions options)
{
    private bool reportedDepth;

    public MimeMessage ParseMessage(ReadOnlyMemory<byte> data, int depth, string path, DefectList defects)
    {
        var where = path.Length == 0 ? "message" : "part " + path;
        var headers = HeaderReader.Read(data.Span, options, defects, where, depth == 0, out var bodyStart);
        var body = ParseBody(headers, data[bodyStart..], depth, path, ContentType.TextPlain, [], defects);
        return new MimeMessage(headers, body, defects, isTooLarge: false);
    }

    private MimeEntity ParseEntity(ReadOnlyMemory<byte> data, int depth, string path, ContentType defaultType, ImmutableArray<string> boundaries, DefectList defects)
    {
        var headers = HeaderReader.Read(data.Span, options, defects, "part " + path, false, out var bodyStart);
        return ParseBody(headers, data[bodyStart..], depth, path, defaultType, boundaries, defects);
    }

    private MimeEntity ParseBody(HeaderList headers, ReadOnlyMemory<byte> body, int depth, string path, ContentType defaultType, ImmutableArray<string> boundaries, DefectList defects)
    {
        var where = path.Length == 0 ? "body" : "part " + path;
        var contentType = ContentType.Parse(headers.Get("Content-Type")?.UnfoldedValue, defaultType, defects, where + " Content-Type");
        var disposition = ContentDisposition.Parse(headers.Get("Content-Disposition")?.UnfoldedValue, defects, where + " Content-Disposition");
        var encodingHeader = headers.Get("Content-Transfer-Encoding")?.UnfoldedValue;
        var encoding = TransferDecoding.Parse(encodingHeader, out var known);
        if (!known) defects.Add(DefectKind.UnknownTransferEncoding, where, $"unknown transfer encoding \"{encodingHeader}\", read as binary");
        var entity = new MimeEntity(path, headers, contentType, disposition, encoding, body);
        var tooDeep = depth >= options.MaxDepth;
        if (tooDeep && (contentType.IsMultipart || IsMessage(contentType)))
        {
            if (!reportedDepth) defects.Add(DefectKind.NestingTooDeep, where, $"nested more than {options.MaxDepth} deep: kept as opaque content");
            reportedDepth = true;
        }
        else if (contentType.IsMultipart)
        {
            var boundary = contentType.Boundary;
            if (string.IsNullOrEmpty(boundary))
                defects.Add(DefectKind.MissingBoundaryParameter, where, "multipart without a boundary parameter");
            else
            {
                if (boundaries.Contains(boundary)) defects.Add(DefectKind.DuplicateBoundary, where, "boundary already used by an enclosing multipart");
                var childType = contentType.Subtype == "digest" ? ContentType.MessageRfc822 : ContentType.TextPlain;
                entity.Children = ParseChildren(body, boundary, depth, path, childType, boundaries.Add(boundary), defects, where);
                if (entity.Children.Count > 0) return entity;
            }
        }
        else if (IsMessage(contentType))
        {
            var inner = encoding is TransferEncoding.Base64 or TransferEncoding.QuotedPrintable
                ? TransferDecoding.ToArray(body.Span, encoding, out _)
                : body;
            entity.Message = ParseMessage(inner, depth + 1, path.Length == 0 ? "1" : path, new DefectList(defects));
            entity.Size = inner.Length;
            return entity;
        }
        entity.Size = TransferDecoding.DecodedLength(body.Span, encoding, out var invalid);
        if (invalid > 0)
        {
            var kind = encoding == TransferEncoding.Base64 ? DefectKind.InvalidBase64 : DefectKind.InvalidQuotedPrintable;
            defects.Add(kind, where, $"{invalid} invalid {(encoding == TransferEncoding.Base64 ? "base64 bytes" : "quoted-printable escapes")} skipped");
        }
        return entity;
    }

    private static bool IsMessage(ContentType type) =>
        type.Is("message", "rfc822") || type.Is("message", "global") || type.Is("text", "rfc822-headers") || type.Is("message", "global-headers");

    private List<MimeEntity> ParseChildren(ReadOnlyMemory<byte> body, string boundary, int depth, string path, ContentType childType,
        ImmutableArray<string> boundaries, DefectList defects, string where)
    {
        var parts = BoundaryScanner.Split(body.Span, Encoding.UTF8.GetBytes("--" + boundary), out var closed, out var reused);
        var children = new List<MimeEntity>(parts.Count);
        if (reused) defects.Add(DefectKind.DuplicateBoundary, where, "parts follow the closing boundary (a nested multipart reused it)");
        if (parts.Count == 0 && body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            defects.Add(DefectKind.MissingBoundary, where, "an empty multipart");
            return children;
        }
        if (parts.Count == 0)
        {
            defects.Add(DefectKind.MissingBoundary, where, "no boundary line found: the body is kept as one text part");
            var lone = new MimeEntity(Child(path, 1), HeaderList.Empty, ContentType.TextPlain, null, TransferEncoding.SevenBit, body);
            lone.Size = body.Length;
            children.Add(lone);
            return children;
        }
        if (!closed) defects.Add(DefectKind.UnclosedBoundary, where, "the closing boundary is missing");
        for (var i = 0; i < parts.Count; i++)
            children.Add(ParseEntity(body.Slice(parts[i].Start, parts[i].Length), depth + 1, Child(path, i + 1), childType, boundaries, defects));
        return children;
    }

    private static string Child(string path, int n) => path.Length == 0 ? n.ToString() : path + "." + n;
}
