namespace Rapport.Mime;

/// <summary>A message to send. <see cref="WriteTo"/> writes it as RFC 5322 / MIME: CRLF line ends,
/// 7-bit safe, lines within 998 characters. Bcc is never written (it is for the envelope).</summary>
public sealed record OutgoingMessage
{
    public required MailboxAddress From { get; init; }

    public MailboxAddress? Sender { get; init; }

    public IReadOnlyList<MailboxAddress> ReplyTo { get; init; } = [];

    public IReadOnlyList<MailboxAddress> To { get; init; } = [];

    public IReadOnlyList<MailboxAddress> Cc { get; init; } = [];

    /// <summary>Kept for the sender's envelope; not written into the message.</summary>
    public IReadOnlyList<MailboxAddress> Bcc { get; init; } = [];

    public string Subject { get; init; } = "";

    /// <summary>The Date header; null writes the time of writing.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>With or without angle brackets; null generates one from the From domain at write time
    /// (set it yourself, with <see cref="MessageIds.New"/>, when you must know it).</summary>
    public string? MessageId { get; init; }

    public string? InReplyTo { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Other headers (Auto-Submitted, List-Unsubscribe, X-…), written in order after the standard ones.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public string? TextBody { get; init; }

    public string? HtmlBody { get; init; }

    public IReadOnlyList<OutgoingAttachment> Attachments { get; init; } = [];

    public void WriteTo(Stream output) => MessageComposer.Write(this, output);

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }
}

/// <summary>A file to attach. With <see cref="ContentId"/> and <see cref="Inline"/> it is an inline
/// image the HTML body shows by "cid:" URL (sent in multipart/related).</summary>
public sealed record OutgoingAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content)
{
    public string? ContentId { get; init; }

    public bool Inline { get; init; }
}
