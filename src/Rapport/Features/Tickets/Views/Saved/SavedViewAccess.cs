using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;

namespace Rapport.Features.Tickets.Views.Saved;

/// <summary>
/// Who sees and who changes a saved view. A personal view is its owner's alone (not even an admin sees another's);
/// a team view is seen by the team's members, and by managers and admins, who look after every team; a shared view
/// by all staff. Anyone on staff makes personal views, a team lead makes views for the teams they are in, managers
/// and admins make shared views and views for any team.
/// </summary>
public static class SavedViewAccess
{
    public static IQueryable<SavedView> VisibleTo(this IQueryable<SavedView> views, Actor actor, RapportDbContext db)
    {
        if (!actor.IsStaff) return views.Where(_ => false);
        var userId = actor.UserId;
        var seesAllTeams = actor.SeesAllTeams;
        return views.Where(v => (v.Scope == ViewScope.Personal && v.OwnerId == userId)
            || (v.Scope == ViewScope.Team && (seesAllTeams || db.TeamMembers.Any(m => m.TeamId == v.TeamId && m.UserId == userId)))
            || v.Scope == ViewScope.Shared);
    }

    /// <summary>Whether the actor may make, change or delete a view of this scope; <paramref name="inTeam"/> says whether they are in its team.</summary>
    public static bool MayManage(Actor actor, ViewScope scope, Guid? ownerId, bool inTeam) => scope switch
    {
        ViewScope.Personal => actor.IsStaff && (ownerId is null || ownerId == actor.UserId),
        ViewScope.Team => actor.SeesAllTeams || (actor.Role == Role.TeamLead && inTeam),
        _ => actor.SeesAllTeams,
    };

    public static string WhoMay(ViewScope scope) => scope switch
    {
        ViewScope.Personal => "Only its owner may change a personal view.",
        ViewScope.Team => "Only the team's leads, managers and admins may make or change the team's views.",
        _ => "Only managers and admins may make or change shared views.",
    };
}
