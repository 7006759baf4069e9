using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rapport.Mime;

/// <summary>Writes an <see cref="OutgoingMessage"/>: text and HTML in multipart/alternative, inline images
/// around it in multipart/related, files around that in multipart/mixed.</summary>
internal static class MessageComposer
{
    public static void Write(OutgoingMessage message, Stream output)
    {
        var headers = new StringBuilder();
        headers.Append("Date: ").Append(FormatDate(message.Date ?? DateTimeOffset.Now)).Append("\r\n");
        headers.Append(HeaderEncoder.Addresses("From", [message.From]));
        if (message.Sender is not null) headers.Append(HeaderEncoder.Addresses("Sender", [message.Sender]));
        if (message.ReplyTo.Count > 0) headers.Append(HeaderEncoder.Addresses("Reply-To", message.ReplyTo));
        if (message.To.Count > 0) headers.Append(HeaderEncoder.Addresses("To", message.To));
        if (message.Cc.Count > 0) headers.Append(HeaderEncoder.Addresses("Cc", message.Cc));
        headers.Append(HeaderEncoder.Unstructured("Subject", message.Subject));
        headers.Append(HeaderEncoder.Ids("Message-ID", [message.MessageId ?? MessageIds.New(Domain(message.From))]));
        if (!string.IsNullOrWhiteSpace(message.InReplyTo)) headers.Append(HeaderEncoder.Ids("In-Reply-To", [message.InReplyTo]));
        if (message.References.Count > 0) headers.Append(HeaderEncoder.Ids("References", message.References));
        foreach (var (name, value) in message.Headers)
        {
            if (!IsFieldName(name)) throw new ArgumentException($"\"{name}\" is not a header field name.", nameof(message));
            headers.Append(HeaderEncoder.Unstructured(name, value));
        }
        headers.Append("MIME-Version: 1.0\r\n");
        Write(output, headers.ToString());
        WritePart(output, BuildTree(message));
    }

    private static Part BuildTree(OutgoingMessage message)
    {
        var text = message.TextBody is null ? null : Part.Text("plain", message.TextBody);
        var html = message.HtmlBody is null ? null : Part.Text("html", message.HtmlBody);
        var body = text is not null && html is not null ? Part.Multipart("alternative", [text, html]) : text ?? html ?? Part.Text("plain", "");
        var inline = message.Attachments.Where(a => a.Inline && a.ContentId is not null).ToList();
        if (inline.Count > 0) body = Part.Multipart("related", [body, .. inline.Select(Part.File)]);
        var files = message.Attachments.Where(a => !(a.Inline && a.ContentId is not null)).ToList();
        if (files.Count > 0) body = Part.Multipart("mixed", [body, .. files.Select(Part.File)]);
        return body;
    }

    private static void WritePart(Stream output, Part part)
    {
        Write(output, part.Headers);
        Write(output, "\r\n");
        if (part.Children is { } children)
        {
            foreach (var child in children)
            {
                Write(output, "--" + part.Boundary + "\r\n");
                WritePart(output, child);
            }
            Write(output, "--" + part.Boundary + "--\r\n");
            return;
        }
        switch (part.Encoding)
        {
            case TransferEncoding.Base64: BodyEncoders.WriteBase64(output, part.Content.Span); break;
            case TransferEncoding.QuotedPrintable:
                BodyEncoders.WriteQuotedPrintable(output, part.Content.Span);
                Write(output, "\r\n"); // the line break before a boundary belongs to the boundary
                break;
            default:
                output.Write(part.Content.Span);
                Write(output, "\r\n");
                break;
        }
    }

    private sealed record Part(string Headers, ReadOnlyMemory<byte> Content, TransferEncoding Encoding, IReadOnlyList<Part>? Children, string? Boundary)
    {
        public static Part Text(string subtype, string text)
        {
            var bytes = BodyEncoders.NormalizedText(text);
            var encoding = BodyEncoders.ChooseForText(bytes);
            return new Part($"Content-Type: text/{subtype}; charset=utf-8\r\nContent-Transfer-Encoding: {Name(encoding)}\r\n", bytes, encoding, null, null);
        }

        public static Part Multipart(string subtype, IReadOnlyList<Part> children)
        {
            var boundary = NewBoundary();
            return new Part($"Content-Type: multipart/{subtype};\r\n boundary=\"{boundary}\"\r\n", default, TransferEncoding.SevenBit, children, boundary);
        }

        public static Part File(OutgoingAttachment file)
        {
            var type = ValidMediaType(file.ContentType);
            var inline = file.Inline && file.ContentId is not null;
            var headers = HeaderEncoder.WithFileName("Content-Type", type, "name", file.FileName)
                + HeaderEncoder.WithFileName("Content-Disposition", inline ? "inline" : "attachment", "filename", file.FileName)
                + "Content-Transfer-Encoding: base64\r\n";
            if (file.ContentId is not null) headers += HeaderEncoder.Ids("Content-ID", [file.ContentId]);
            return new Part(headers, file.Content, TransferEncoding.Base64, null, null);
        }
    }

    private static string Name(TransferEncoding encoding) => encoding switch
    {
        TransferEncoding.Base64 => "base64",
        TransferEncoding.QuotedPrintable => "quoted-printable",
        TransferEncoding.EightBit => "8bit",
        TransferEncoding.Binary => "binary",
        TransferEncoding.SevenBit => "7bit",
    };

    private static string ValidMediaType(string type)
    {
        var slash = type.IndexOf('/');
        var valid = slash > 0 && slash < type.Length - 1 && type.All(c => c is > ' ' and < (char)127 and not (';' or '"' or '\\' or ',' or '(' or ')'));
        return valid ? type.ToLowerInvariant() : "application/octet-stream";
    }

    // "=_" never occurs in base64 or quoted-printable output, so the boundary cannot collide with content.
    private static string NewBoundary() => "=_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Domain(MailboxAddress from) => from.Domain.Length > 0 ? HeaderEncoder.AsciiAddress("x@" + from.Domain)[2..] : "localhost";

    internal static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return date.ToString("ddd, d MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + $"{sign}{abs.Hours:00}{abs.Minutes:00}";
    }

    private static bool IsFieldName(string name) => name.Length > 0 && name.All(c => c is > ' ' and < (char)127 and not ':');

    private static void Write(Stream output, string ascii) => output.Write(Encoding.UTF8.GetBytes(ascii));
}
