using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets.Attachments;

public sealed record AttachmentFile(string FileName, string ContentType, long Size, string Sha256, DateTimeOffset CreatedAt, Stream Content);

/// <summary>
/// Opens an attachment for download, through the same visibility as the conversation: the
/// ticket must be visible to the caller, and a customer never reaches the files of internal notes.
/// </summary>
public sealed class ReadAttachment(RapportDbContext db, AttachmentStore store, ILogger<ReadAttachment> logger)
{
    public async Task<Result<AttachmentFile>> ExecuteAsync(long number, long id, Actor actor, CancellationToken ct)
    {
        var tickets = db.Tickets.VisibleTo(actor, db);
        var messages = db.Messages.VisibleTo(actor);
        var attachment = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == id && a.TicketNumber == number)
            .Where(a => tickets.Any(t => t.Number == number))
            .Where(a => messages.Any(m => m.Id == a.MessageId && m.TicketNumber == number))
            .SingleOrDefaultAsync(ct);
        if (attachment is null) return new AttachmentNotFound(number, id);
        if (!store.Exists(attachment.StorageKey))
        {
            logger.LogError("Attachment {Id} of ticket {Number} has no file at {Key}", id, number, attachment.StorageKey);
            return new AttachmentNotFound(number, id);
        }
        return new AttachmentFile(attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256,
            attachment.CreatedAt, store.OpenRead(attachment.StorageKey));
    }
}
