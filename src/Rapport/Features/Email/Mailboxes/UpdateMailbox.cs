using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.ServiceLevels;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Mailboxes;

/// <summary>Changes a mailbox and audits each changed field; a new or removed password is audited as "changed" or "removed", never its value.</summary>
public sealed class UpdateMailbox(RapportDbContext db, AuditLog audit, MailboxSecrets secrets, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(long id, UpdateMailboxRequest request, Actor actor, CancellationToken ct)
    {
        var mailbox = await db.Mailboxes.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (mailbox is null) return new MailboxNotFound(id);

        var values = MailboxValues.Of(request, mailbox);
        var newPassword = request.Password.IsSet && !string.IsNullOrEmpty(request.Password.Value) ? request.Password.Value : null;
        var hasPassword = request.Password.IsSet ? newPassword is not null : mailbox.ProtectedPassword is not null;
        var check = await MailboxInput.CheckAsync(db, values, newPassword, hasPassword, id, new Validator(), ct);
        if (!check.IsValid) return check.ToError();

        values.ApplyTo(mailbox);
        var changes = AuditChanges.FromEntry(db.Entry(mailbox), nameof(Mailbox.UpdatedAt), nameof(Mailbox.ProtectedPassword));
        if (request.Password.IsSet)
        {
            var had = mailbox.ProtectedPassword is not null;
            mailbox.ProtectedPassword = newPassword is null ? null : secrets.Protect(newPassword);
            if (newPassword is not null) changes.Set("password", null, "changed");
            else if (had) changes.Set("password", null, "removed");
        }
        if (changes.IsEmpty) return id;

        mailbox.UpdatedAt = clock.GetUtcNow();
        var action = CatalogueWrites.UpdateAction(changes, off: "deactivated", on: "reactivated");
        audit.Record(actor, "mailbox", id.ToString(CultureInfo.InvariantCulture), action, changes);
        return await db.InTransactionAsync(async () =>
        {
            if (mailbox.IsDefault) await DefaultMailbox.HandOverAsync(db, audit, actor, id, ct);
            return await db.SaveAsync(id, MailboxInput.NameTaken, ct);
        }, ct);
    }
}
