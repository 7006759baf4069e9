namespace Rapport.Mime;

/// <summary>A parsed message: its headers, the common fields decoded, the MIME tree, the main text
/// and HTML as a mail client would show them, the attachments, and what was wrong with it.</summary>
public sealed class MimeMessage
{
    internal MimeMessage(HeaderList headers, MimeEntity body, DefectList defects, bool isTooLarge)
    {
        Headers = headers;
        Body = body;
        IsTooLarge = isTooLarge;
        Subject = headers["Subject"];
        From = Addresses(headers, "From", defects);
        Sender = Addresses(headers, "Sender", defects).FirstOrDefault();
        ReplyTo = Addresses(headers, "Reply-To", defects);
        To = Addresses(headers, "To", defects);
        Cc = Addresses(headers, "Cc", defects);
        Bcc = Addresses(headers, "Bcc", defects);
        var date = headers.Get("Date");
        if (date is not null)
        {
            Date = DateParser.Parse(date.UnfoldedValue);
            if (Date is null) defects.Add(DefectKind.InvalidDate, "header Date", $"unreadable date \"{Cut(date.UnfoldedValue)}\"");
        }
        MessageId = MessageIds.Strip(headers.Get("Message-ID")?.UnfoldedValue);
        InReplyTo = MessageIds.ParseList(headers.Get("In-Reply-To")?.UnfoldedValue).FirstOrDefault();
        References = MessageIds.ParseList(string.Join(" ", headers.GetAll("References").Select(h => h.UnfoldedValue)));
        var selection = isTooLarge ? new BodySelector.Selection(null, null, []) : BodySelector.Select(body, defects);
        TextBody = selection.Text;
        HtmlBody = selection.Html;
        Attachments = selection.Attachments;
        Defects = defects.Items;
    }

    public HeaderList Headers { get; }

    public string? Subject { get; }

    public IReadOnlyList<MailboxAddress> From { get; }

    public MailboxAddress? Sender { get; }

    public IReadOnlyList<MailboxAddress> ReplyTo { get; }

    public IReadOnlyList<MailboxAddress> To { get; }

    public IReadOnlyList<MailboxAddress> Cc { get; }

    public IReadOnlyList<MailboxAddress> Bcc { get; }

    public DateTimeOffset? Date { get; }

    /// <summary>Message-ID without angle brackets (as are <see cref="InReplyTo"/> and <see cref="References"/>).</summary>
    public string? MessageId { get; }

    public string? InReplyTo { get; }

    public IReadOnlyList<string> References { get; }

    /// <summary>The root of the MIME tree.</summary>
    public MimeEntity Body { get; }

    /// <summary>The plain-text body a mail client would show, or null when the message has none.</summary>
    public string? TextBody { get; }

    /// <summary>The HTML body a mail client would show, or null when the message has none.</summary>
    public string? HtmlBody { get; }

    /// <summary>Every part that is not the text or HTML body: files, inline images, calendar invitations,
    /// signatures, delivery reports and attached messages (not the attached messages' own parts).</summary>
    public IReadOnlyList<MimeAttachment> Attachments { get; }

    /// <summary>Defects in this message and in the messages attached to it.</summary>
    public IReadOnlyList<MimeDefect> Defects { get; }

    /// <summary>The message was over <see cref="MimeParserOptions.MaxMessageSize"/>: only <see cref="Headers"/> (and the fields from them) were read.</summary>
    public bool IsTooLarge { get; }

    /// <summary>The attachment an HTML "cid:" reference points to ("cid:x", "&lt;x&gt;" or "x"), or null.</summary>
    public MimeAttachment? FindByContentId(string contentId)
    {
        var id = contentId.StartsWith("cid:", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(contentId[4..]) : contentId;
        id = id.Trim().Trim('<', '>');
        return Attachments.FirstOrDefault(a => string.Equals(a.ContentId, id, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>All entities of the tree, depth first, not entering attached messages.</summary>
    public IEnumerable<MimeEntity> AllParts() => Walk(Body);

    /// <summary>The first part of the given type, e.g. ("message", "delivery-status") in a bounce.</summary>
    public MimeEntity? FindPart(string mediaType, string subtype) => AllParts().FirstOrDefault(p => p.ContentType.Is(mediaType, subtype));

    /// <summary>The message a bounce or forward carries (the first message/rfc822 or text/rfc822-headers part).</summary>
    public MimeMessage? AttachedMessage => AllParts().FirstOrDefault(p => p.Message is not null)?.Message;

    /// <summary>The fields of a message/delivery-status part (RFC 3464): the per-message group first, then one per recipient.</summary>
    public IReadOnlyList<HeaderList> DeliveryStatus => DeliveryStatusReader.Read(FindPart("message", "delivery-status"));

    private static IEnumerable<MimeEntity> Walk(MimeEntity entity)
    {
        yield return entity;
        foreach (var child in entity.Children)
            foreach (var descendant in Walk(child))
                yield return descendant;
    }

    private static IReadOnlyList<MailboxAddress> Addresses(HeaderList headers, string name, DefectList defects)
    {
        var all = headers.GetAll(name);
        if (all.Count == 0) return [];
        return all.SelectMany(h => AddressParser.ParseGroups(h.UnfoldedValue, defects, "header " + name)).SelectMany(g => g.Members).ToList();
    }

    private static string Cut(string text) => text.Length > 60 ? text[..60] + "…" : text;

    public override string ToString() => $"{MessageId}: {Subject}";
}
