using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation;

/// <summary>Who hears of a referral or an escalation: the people of a team, or of a role.</summary>
internal static class Recipients
{
    /// <summary>The team's active staff, of one role when given.</summary>
    public static Task<List<Guid>> TeamAsync(RapportDbContext db, long teamId, CancellationToken ct, Role? role = null) =>
        db.TeamMembers.Where(m => m.TeamId == teamId && m.User.IsActive && m.User.Role != Role.Customer && (role == null || m.User.Role == role))
            .Select(m => m.UserId).ToListAsync(ct);

    /// <summary>The role's people in the team; when the team has none of them (or there is no team), every active one.</summary>
    public static async Task<List<Guid>> RoleAsync(RapportDbContext db, Role? role, long? teamId, CancellationToken ct)
    {
        if (role is not { } wanted) return [];
        var inTeam = teamId is { } team ? await TeamAsync(db, team, ct, wanted) : [];
        return inTeam.Count > 0 ? inTeam : await db.Users.Where(u => u.Role == wanted && u.IsActive).Select(u => u.Id).ToListAsync(ct);
    }

    /// <summary>A role to tell must be a staff role.</summary>
    public static void CheckRole(string field, Role? role, Validator check)
    {
        if (role == Role.Customer) check.Add(field, "Choose a staff role: agent, team_lead, manager or admin.");
    }
}
