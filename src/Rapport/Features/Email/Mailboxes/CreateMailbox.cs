using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.ServiceLevels;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Mailboxes;

/// <summary>Adds a mailbox with a unique name (ignoring case); its password is stored encrypted and audited only as "set".</summary>
public sealed class CreateMailbox(RapportDbContext db, AuditLog audit, MailboxSecrets secrets, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(CreateMailboxRequest request, Actor actor, CancellationToken ct)
    {
        var values = MailboxValues.Of(request);
        var password = string.IsNullOrEmpty(request.Password) ? null : request.Password;
        var check = await MailboxInput.CheckAsync(db, values, password, password is not null, null, new Validator(), ct);
        if (!check.IsValid) return check.ToError();
        if (await db.Mailboxes.CountAsync(ct) >= MailboxLimits.MaxMailboxes) return new CatalogueFull("mailboxes", MailboxLimits.MaxMailboxes);

        var now = clock.GetUtcNow();
        var mailbox = new Mailbox { Name = "", Address = "", SmtpHost = "", CreatedAt = now, UpdatedAt = now };
        values.ApplyTo(mailbox);
        if (password is not null) mailbox.ProtectedPassword = secrets.Protect(password);
        db.Mailboxes.Add(mailbox);
        var changes = AuditChanges.FromEntry(db.Entry(mailbox), nameof(Mailbox.Id), nameof(Mailbox.CreatedAt), nameof(Mailbox.UpdatedAt),
            nameof(Mailbox.ProtectedPassword));
        if (password is not null) changes.Set("password", null, "set");
        return await db.InTransactionAsync(async () =>
        {
            if (mailbox.IsDefault) await DefaultMailbox.HandOverAsync(db, audit, actor, null, ct);
            return await db.CreateAsync(audit, actor, "mailbox", () => mailbox.Id, changes, MailboxInput.NameTaken, ct);
        }, ct);
    }
}

/// <summary>At most one mailbox is the default: making one the default takes it from the others, audited on each.</summary>
internal static class DefaultMailbox
{
    public static async Task HandOverAsync(RapportDbContext db, AuditLog audit, Actor actor, long? newDefaultId, CancellationToken ct)
    {
        var others = await db.Mailboxes.Where(m => m.IsDefault && m.Id != newDefaultId).ToListAsync(ct);
        foreach (var other in others)
        {
            other.IsDefault = false;
            audit.Record(actor, "mailbox", other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "updated",
                new AuditChanges().Set("isDefault", true, false));
        }
    }
}
