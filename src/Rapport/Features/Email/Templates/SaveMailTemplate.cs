using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Customers;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Email.Templates;

/// <summary>
/// Writes an admin's text for one mail in one language (creating or replacing the override), after checking every
/// placeholder and section; each change is audited with the parts before and after.
/// </summary>
public sealed class SaveMailTemplate(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<bool>> ExecuteAsync(string key, string language, MailTemplateRequest request, Actor actor, CancellationToken ct)
    {
        var address = MailTemplateBook.Address(key, language);
        if (!address.Succeeded) return address.Error!;
        var (kind, tag) = address.Value;
        var check = MailTemplateInput.Check(kind, request, new Validator());
        if (!check.IsValid) return check.ToError();

        var now = clock.GetUtcNow();
        var stored = await db.MailTemplateOverrides.FirstOrDefaultAsync(t => t.Key == kind.Key && t.Language == tag, ct);
        var before = stored is not null
            ? new MailTemplateText(stored.Subject, stored.TextBody, stored.HtmlBody)
            : DefaultMailTemplates.Find(kind.Key, tag);
        var created = stored is null;
        if (stored is null)
        {
            stored = new MailTemplateOverride { Key = kind.Key, Language = tag, Subject = "", TextBody = "", HtmlBody = "", CreatedAt = now };
            db.MailTemplateOverrides.Add(stored);
        }
        (stored.Subject, stored.TextBody, stored.HtmlBody, stored.UpdatedAt) = (request.Subject!, request.TextBody!, request.HtmlBody!, now);
        var changes = new AuditChanges()
            .Set("subject", before?.Subject, stored.Subject)
            .Set("textBody", before?.TextBody, stored.TextBody)
            .Set("htmlBody", before?.HtmlBody, stored.HtmlBody);
        if (changes.IsEmpty && !created) return false;
        audit.Record(actor, MailTemplateAudit.EntityType, MailTemplateAudit.EntityId(kind.Key, tag), created ? "overridden" : "updated", changes);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return new ConflictError("Someone else saved this template at the same moment; reload it and try again.");
        }
        return created;
    }
}

/// <summary>Removes an admin's text for one mail in one language, so the built-in text (or the next language in line) applies again.</summary>
public sealed class ResetMailTemplate(RapportDbContext db, AuditLog audit)
{
    public async Task<Result<bool>> ExecuteAsync(string key, string language, Actor actor, CancellationToken ct)
    {
        var address = MailTemplateBook.Address(key, language);
        if (!address.Succeeded) return address.Error!;
        var (kind, tag) = address.Value;
        var stored = await db.MailTemplateOverrides.FirstOrDefaultAsync(t => t.Key == kind.Key && t.Language == tag, ct);
        if (stored is null) return new NothingToReset(kind.Key, tag);

        var builtIn = DefaultMailTemplates.Find(kind.Key, tag);
        db.MailTemplateOverrides.Remove(stored);
        audit.Record(actor, MailTemplateAudit.EntityType, MailTemplateAudit.EntityId(kind.Key, tag), "reset", new AuditChanges()
            .Set("subject", stored.Subject, builtIn?.Subject)
            .Set("textBody", stored.TextBody, builtIn?.TextBody)
            .Set("htmlBody", stored.HtmlBody, builtIn?.HtmlBody));
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>How template changes appear in the audit trail: entity "mail_template", id "ticket_acknowledgement/de".</summary>
public static class MailTemplateAudit
{
    public const string EntityType = "mail_template";

    public static string EntityId(string key, string language) => $"{key}/{language}";
}
