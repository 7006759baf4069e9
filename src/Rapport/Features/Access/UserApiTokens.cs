using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Audit;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Access;

/// <summary>
/// One person's API tokens: listing them (never the secrets) and revoking one. People manage
/// their own; admins may see and revoke anyone's, for example when a laptop goes missing.
/// </summary>
public sealed class UserApiTokens(RapportDbContext db, AuditLog audit, ApiTokenCache cache, TimeProvider clock)
{
    public async Task<Result<List<ApiTokenDto>>> ListAsync(Guid userId, Actor actor, CancellationToken ct)
    {
        if (!MayManage(userId, actor)) return new ForbiddenError("Only admins can see another user's API tokens.");
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            // Live tokens first, newest first: the ones a person is looking for.
            .OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenDto(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct);
    }

    /// <summary>Revokes a token; revoking one already revoked changes nothing and records nothing.</summary>
    public async Task<Result<bool>> RevokeAsync(Guid userId, long tokenId, Actor actor, CancellationToken ct)
    {
        if (!MayManage(userId, actor)) return new ForbiddenError("Only admins can revoke another user's API tokens.");
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return new NotFoundError("There is no such token for this user.");
        if (token.RevokedAt is not null) return false;

        token.RevokedAt = clock.GetUtcNow();
        audit.Record(actor, "api_token", tokenId.ToString(CultureInfo.InvariantCulture), "revoked",
            new AuditChanges().Set("revokedAt", null, token.RevokedAt).Set("userId", null, actor.UserId == userId ? null : userId.ToString()));
        await db.SaveChangesAsync(ct);
        cache.ForgetAll();
        return true;
    }

    private static bool MayManage(Guid userId, Actor actor) => actor.UserId == userId || actor.Role == Role.Admin;
}
