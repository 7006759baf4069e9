using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

/// <summary>
/// Adds a staff member to a team or takes them out. Both are idempotent: adding a member twice or
/// removing a non-member changes nothing and records nothing.
/// </summary>
public sealed class ChangeTeamMembership(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<bool>> AddAsync(long teamId, Guid userId, Actor actor, CancellationToken ct)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return new TeamNotFound(teamId);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Role, u.IsActive }).SingleOrDefaultAsync(ct);
        if (user is null) return new UserNotFound(userId);
        // Restricted teams grant sight of their tickets; a customer must never hold that.
        if (!user.Role.IsStaff()) return ValidationError.For("userId", "Only staff can be members of a team.");
        if (!user.IsActive) return ValidationError.For("userId", "This user is deactivated; reactivate them first.");
        if (await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId == userId, ct)) return false;

        db.TeamMembers.Add(new TeamMember { TeamId = teamId, UserId = userId });
        return await SaveAsync(team, "member_added", new AuditChanges().Set("userId", null, userId.ToString()), actor, ct);
    }

    public async Task<Result<bool>> RemoveAsync(long teamId, Guid userId, Actor actor, CancellationToken ct)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return new TeamNotFound(teamId);
        var member = await db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, ct);
        if (member is null) return false;

        db.TeamMembers.Remove(member);
        return await SaveAsync(team, "member_removed", new AuditChanges().Set("userId", userId.ToString(), null), actor, ct);
    }

    private async Task<Result<bool>> SaveAsync(Team team, string action, AuditChanges changes, Actor actor, CancellationToken ct)
    {
        team.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, "team", team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), action, changes);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent request made the same change first (duplicate key, or the row already gone): the outcome stands.
            return false;
        }
        return true;
    }
}
