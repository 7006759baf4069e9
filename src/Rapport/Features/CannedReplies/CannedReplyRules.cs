using Rapport.Features.Access;
using Rapport.Features.People;

namespace Rapport.Features.CannedReplies;

/// <summary>
/// Who may create, change or delete which canned reply. Pure: the caller says whether the actor belongs to the
/// reply's team.
/// <list type="bullet">
/// <item>Personal: only its owner, whatever their role (nobody else even sees it).</item>
/// <item>Team: a team lead who is a member of the team, or a manager or admin.</item>
/// <item>Shared: supervisors (team leads, managers, admins), since every agent will use it.</item>
/// </list>
/// </summary>
public static class CannedReplyRules
{
    public static bool MayChange(Actor actor, CannedReplyScope scope, Guid? ownerId, bool memberOfTeam) =>
        actor.IsStaff && scope switch
        {
            CannedReplyScope.Personal => actor.UserId is { } me && me == ownerId,
            CannedReplyScope.Team => actor.SeesAllTeams || actor.Role == Role.TeamLead && memberOfTeam,
            CannedReplyScope.Shared => actor.Role is Role.TeamLead or Role.Manager or Role.Admin,
            _ => false,
        };

    /// <summary>Who may use (see) it: its owner, the team's members (and managers and admins), everyone for shared.</summary>
    public static bool MayUse(Actor actor, CannedReplyScope scope, Guid? ownerId, bool memberOfTeam) =>
        actor.IsStaff && scope switch
        {
            CannedReplyScope.Personal => actor.UserId is { } me && me == ownerId,
            CannedReplyScope.Team => actor.SeesAllTeams || memberOfTeam,
            CannedReplyScope.Shared => true,
            _ => false,
        };
}
