using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.CannedReplies;

/// <summary>Writes a new canned reply in a scope the caller may write in (<see cref="CannedReplyRules"/>), audited.</summary>
public sealed class CreateCannedReply(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(CannedReplyRequest request, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff || actor.UserId is null) return new ForbiddenError("Only staff have canned replies.");
        var (fields, check) = await CannedReplyInput.CheckAsync(db, request, ct);
        if (fields is null) return check.ToError();
        var owner = fields.Scope == CannedReplyScope.Personal ? actor.UserId : null;
        if (!CannedReplyRules.MayChange(actor, fields.Scope, owner, await CannedReplyVisibility.IsMemberAsync(db, actor, fields.TeamId, ct)))
            return new CannedReplyNotYours(CannedReplyAudit.Refusal(fields.Scope));

        var now = clock.GetUtcNow();
        var reply = new CannedReply { Title = "", Body = "", OwnerId = owner, CreatedAt = now, UpdatedAt = now };
        fields.CopyTo(reply);
        return await db.InTransactionAsync(async () =>
        {
            db.CannedReplies.Add(reply);
            var changes = AuditChanges.FromEntry(db.Entry(reply), nameof(CannedReply.Id), nameof(CannedReply.CreatedAt), nameof(CannedReply.UpdatedAt));
            await db.SaveChangesAsync(ct);
            audit.Record(actor, CannedReplyAudit.EntityType, CannedReplyAudit.EntityId(reply.Id), "created", changes);
            await db.SaveChangesAsync(ct);
            return (Result<long>)reply.Id;
        }, ct);
    }
}

/// <summary>
/// Replaces a canned reply's fields, or deletes it, when the caller may change it both as it is and as it would
/// become (a team lead cannot move a reply into a team they do not lead). Audited with before and after.
/// </summary>
public sealed class ChangeCannedReply(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> UpdateAsync(long id, CannedReplyRequest request, Actor actor, CancellationToken ct)
    {
        var found = await FindAsync(id, actor, ct);
        if (!found.Succeeded) return found.Error!;
        var reply = found.Value!;
        var (fields, check) = await CannedReplyInput.CheckAsync(db, request, ct);
        if (fields is null) return check.ToError();
        var owner = fields.Scope == CannedReplyScope.Personal ? reply.OwnerId ?? actor.UserId : null;
        if (!CannedReplyRules.MayChange(actor, fields.Scope, owner, await CannedReplyVisibility.IsMemberAsync(db, actor, fields.TeamId, ct)))
            return new CannedReplyNotYours(CannedReplyAudit.Refusal(fields.Scope));

        fields.CopyTo(reply);
        reply.OwnerId = owner;
        var changes = AuditChanges.FromEntry(db.Entry(reply), nameof(CannedReply.UpdatedAt));
        if (changes.IsEmpty) return id;
        reply.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, CannedReplyAudit.EntityType, CannedReplyAudit.EntityId(id), "updated", changes);
        await db.SaveChangesAsync(ct);
        return id;
    }

    public async Task<Result<long>> DeleteAsync(long id, Actor actor, CancellationToken ct)
    {
        var found = await FindAsync(id, actor, ct);
        if (!found.Succeeded) return found.Error!;
        var reply = found.Value!;
        db.CannedReplies.Remove(reply);
        audit.Record(actor, CannedReplyAudit.EntityType, CannedReplyAudit.EntityId(id), "deleted", new AuditChanges()
            .Set("title", reply.Title, null).Set("scope", reply.Scope, null).Set("body", reply.Body, null));
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>The reply when the caller may see it (else 404) and change it (else 403).</summary>
    private async Task<Result<CannedReply>> FindAsync(long id, Actor actor, CancellationToken ct)
    {
        var reply = await db.CannedReplies.VisibleTo(actor, db).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reply is null) return new CannedReplyNotFound(id);
        var member = await CannedReplyVisibility.IsMemberAsync(db, actor, reply.TeamId, ct);
        return CannedReplyRules.MayChange(actor, reply.Scope, reply.OwnerId, member) ? reply : new CannedReplyNotYours(CannedReplyAudit.Refusal(reply.Scope));
    }
}
