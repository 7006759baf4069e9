namespace Rapport.Features.Tickets;

/// <summary>
/// A message that arrived through a channel in its final form, rather than Markdown written in Rapport: an email's
/// text and sanitised HTML, its files (already checked and in the attachment store), and the channel's own id
/// (the Message-ID) that later replies refer to.
/// </summary>
public sealed record ChannelContent(string Text, string Html, IReadOnlyList<ChannelFile> Files, string? EmailMessageId)
{
    /// <summary>False for what a machine sent (an auto-reply, bulk mail): no automatic acknowledgement goes back.</summary>
    public bool MayAcknowledge { get; init; } = true;

    /// <summary>The addresses the email was sent to: the mailbox among them answers it.</summary>
    public IReadOnlyList<string> AddressedTo { get; init; } = [];

    internal void AttachTo(Message message, long ticketNumber, DateTimeOffset now)
    {
        message.EmailMessageId = EmailMessageId;
        foreach (var file in Files)
            message.Attachments.Add(Attachment.Stored(ticketNumber, file.FileName, file.ContentType, file.Size, file.StorageKey, file.Sha256, now));
    }
}

/// <summary>A file a channel brought, kept in the attachment store under <see cref="StorageKey"/>.</summary>
public sealed record ChannelFile(string FileName, string ContentType, long Size, string StorageKey, string Sha256);
