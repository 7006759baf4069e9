namespace Rapport.Mime;

/// <summary>Chooses the text and HTML a mail client shows: the last (richest) choice of an
/// alternative, the root of a related, every inline text part of a mixed in order, the first part
/// of a signed or a report. Every other leaf is an attachment.</summary>
internal static class BodySelector
{
    public sealed record Selection(string? Text, string? Html, IReadOnlyList<MimeAttachment> Attachments);

    public static Selection Select(MimeEntity root, DefectList defects)
    {
        var text = new List<MimeEntity>();
        var html = new List<MimeEntity>();
        Collect(root, text, html);
        var chosen = new HashSet<MimeEntity>(text.Concat(html), ReferenceEqualityComparer.Instance);
        var attachments = new List<MimeAttachment>();
        AddAttachments(root, chosen, attachments);
        return new Selection(TextDecoding.Join(text, defects), TextDecoding.Join(html, defects), attachments);
    }

    private static void Collect(MimeEntity entity, List<MimeEntity> text, List<MimeEntity> html)
    {
        var type = entity.ContentType;
        if (!entity.IsMultipart)
        {
            if (IsAttachment(entity) || entity.Message is not null) return;
            if (type.Is("text", "plain")) text.Add(entity);
            else if (type.Is("text", "html")) html.Add(entity);
            return;
        }
        switch (type.Subtype)
        {
            case "alternative":
                // Later alternatives are richer; take the last one offering each kind.
                List<MimeEntity>? bestText = null, bestHtml = null;
                foreach (var child in entity.Children)
                {
                    var t = new List<MimeEntity>();
                    var h = new List<MimeEntity>();
                    Collect(child, t, h);
                    if (t.Count > 0) bestText = t;
                    if (h.Count > 0) bestHtml = h;
                }
                if (bestText is not null) text.AddRange(bestText);
                if (bestHtml is not null) html.AddRange(bestHtml);
                break;
            case "related":
                var start = entity.ContentType.Parameters.GetValueOrDefault("start");
                var startId = MessageIds.Strip(start);
                var root = entity.Children.FirstOrDefault(c => startId is not null && c.ContentId == startId) ?? entity.Children[0];
                Collect(root, text, html);
                break;
            case "signed" or "encrypted" or "report":
                Collect(entity.Children[0], text, html);
                break;
            default:
                foreach (var child in entity.Children) Collect(child, text, html);
                break;
        }
    }

    // A named part is a file even when marked inline (Apple Mail marks attachments inline);
    // only a message that is nothing but one named text part still shows it as its body.
    private static bool IsAttachment(MimeEntity entity) =>
        entity.PartPath.Length > 0 && (entity.ContentDisposition?.IsAttachment == true || entity.FileName is not null);

    private static void AddAttachments(MimeEntity entity, HashSet<MimeEntity> chosen, List<MimeAttachment> attachments)
    {
        if (entity.IsMultipart)
        {
            foreach (var child in entity.Children) AddAttachments(child, chosen, attachments);
            return;
        }
        if (chosen.Contains(entity)) return;
        // Whitespace-only leaves (an empty preamble part, a blank text between images) are noise, not attachments.
        if (entity.ContentType.MediaType == "text" && entity.FileName is null && entity.Size < 1024 &&
            entity.GetBytes().AsSpan().Trim(" \t\r\n"u8).IsEmpty) return;
        attachments.Add(new MimeAttachment(entity));
    }
}
