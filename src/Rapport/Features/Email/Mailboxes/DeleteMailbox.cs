using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Email.Sending;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Mailboxes;

/// <summary>
/// Deletes a mailbox, refused while mail waits in the outbox for it (queued or being sent). Sent and failed mail
/// keeps its record, without the mailbox.
/// </summary>
public sealed class DeleteMailbox(RapportDbContext db, AuditLog audit)
{
    public async Task<Result<long>> ExecuteAsync(long id, Actor actor, CancellationToken ct)
    {
        var mailbox = await db.Mailboxes.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mailbox is null) return new MailboxNotFound(id);
        var waiting = await db.OutgoingMail.CountAsync(m => m.MailboxId == id && (m.State == DeliveryState.Queued || m.State == DeliveryState.Sending), ct);
        if (waiting > 0) return new MailboxHasWaitingMail(id, waiting);

        db.Mailboxes.Remove(mailbox);
        audit.Record(actor, "mailbox", id.ToString(CultureInfo.InvariantCulture), "deleted",
            new AuditChanges().Set("name", mailbox.Name, null).Set("address", mailbox.Address, null));
        await db.SaveChangesAsync(ct);
        return id;
    }
}
