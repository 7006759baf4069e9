using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;

namespace Rapport.Features.CannedReplies;

/// <summary>
/// The one filter for "which canned replies may this person use", shared by the list, the read, the composer and
/// rendering, so no path can forget it. It says in SQL what <see cref="CannedReplyRules.MayUse"/> says in memory.
/// </summary>
public static class CannedReplyVisibility
{
    public static IQueryable<CannedReply> VisibleTo(this IQueryable<CannedReply> replies, Actor actor, RapportDbContext db)
    {
        if (!actor.IsStaff || actor.UserId is not { } me) return replies.Where(r => false);
        if (actor.SeesAllTeams) return replies.Where(r => r.Scope != CannedReplyScope.Personal || r.OwnerId == me);
        return replies.Where(r => r.Scope == CannedReplyScope.Shared
            || r.Scope == CannedReplyScope.Personal && r.OwnerId == me
            || r.Scope == CannedReplyScope.Team && db.TeamMembers.Any(m => m.TeamId == r.TeamId && m.UserId == me));
    }

    public static async Task<bool> IsMemberAsync(RapportDbContext db, Actor actor, long? teamId, CancellationToken ct) =>
        teamId is { } team && actor.UserId is { } me && await db.TeamMembers.AnyAsync(m => m.TeamId == team && m.UserId == me, ct);
}
