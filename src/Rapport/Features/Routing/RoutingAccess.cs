using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Routing;

/// <summary>
/// Who may look after whom: managers and admins look after everyone; a team lead looks after the
/// members of the teams they are in themselves; everyone else only after themselves.
/// </summary>
public sealed class RoutingAccess(RapportDbContext db)
{
    public static readonly ForbiddenError NotYourTeam = new("Team leads can only do this for members of their own teams.");

    public static bool SeesEveryone(Actor actor) => actor.Role is Role.Manager or Role.Admin;

    /// <summary>Whether the actor may record absences, set skills or availability for this person.</summary>
    public async Task<bool> SupervisesAsync(Actor actor, Guid userId, CancellationToken ct)
    {
        if (SeesEveryone(actor)) return true;
        if (actor.Role != Role.TeamLead || actor.UserId is not { } lead) return false;
        return await db.TeamMembers.AnyAsync(m => m.UserId == userId && db.TeamMembers.Any(l => l.TeamId == m.TeamId && l.UserId == lead), ct);
    }

    /// <summary>Whether the actor may see the team's workload and reassign its members' tickets.</summary>
    public async Task<bool> LeadsTeamAsync(Actor actor, long teamId, CancellationToken ct)
    {
        if (SeesEveryone(actor)) return true;
        if (actor.Role != Role.TeamLead || actor.UserId is not { } lead) return false;
        return await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId == lead, ct);
    }

    /// <summary>The teams whose workload the actor sees, by name.</summary>
    public IQueryable<Team> LedTeams(Actor actor)
    {
        var teams = db.Teams.AsNoTracking();
        if (SeesEveryone(actor)) return teams.OrderBy(t => t.Name);
        var lead = actor.Role == Role.TeamLead ? actor.UserId : null;
        return teams.Where(t => lead != null && t.Members.Any(m => m.UserId == lead)).OrderBy(t => t.Name);
    }

    /// <summary>The active staff the actor looks after (for absences), by name.</summary>
    public IQueryable<User> SupervisedStaff(Actor actor)
    {
        var staff = db.Users.AsNoTracking().Where(u => u.IsActive && u.Role != Role.Customer);
        if (!SeesEveryone(actor))
        {
            var lead = actor.Role == Role.TeamLead ? actor.UserId : null;
            staff = staff.Where(u => lead != null
                && db.TeamMembers.Any(m => m.UserId == u.Id && db.TeamMembers.Any(l => l.TeamId == m.TeamId && l.UserId == lead)));
        }
        return staff.OrderBy(u => u.DisplayName).ThenBy(u => u.Id);
    }

    /// <summary>The people whose absences the actor sees: themselves, and whoever they look after.</summary>
    public IQueryable<Absence> VisibleAbsences(Actor actor)
    {
        var absences = db.Absences.AsNoTracking();
        if (SeesEveryone(actor)) return absences;
        var me = actor.UserId;
        if (actor.Role != Role.TeamLead) return absences.Where(a => a.UserId == me);
        return absences.Where(a => a.UserId == me
            || db.TeamMembers.Any(m => m.UserId == a.UserId && db.TeamMembers.Any(l => l.TeamId == m.TeamId && l.UserId == me)));
    }
}
