using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Routing;

/// <summary>
/// A team's members and their work, for the team's lead (managers and admins: any team): each
/// member's availability, current absence, unsolved tickets by status, tickets breaching (due
/// within the hour or overdue) and load. Counts cover the tickets the reader may see.
/// </summary>
public sealed class ReadWorkload(RapportDbContext db, RoutingAccess access, TimeProvider clock)
{
    /// <summary>As many of one agent's tickets as a page shows for reassigning; the bulk change takes up to 500.</summary>
    public const int MaxTickets = 200;

    public async Task<Result<TeamWorkloadDto>> ExecuteAsync(long teamId, Actor actor, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new { t.Name, t.AssignmentMethod }).FirstOrDefaultAsync(ct);
        if (team is null) return new TeamNotFound(teamId);
        if (!await access.LeadsTeamAsync(actor, teamId, ct)) return RoutingAccess.NotYourTeam;

        var now = clock.GetUtcNow();
        var members = await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == teamId && m.User.IsActive)
            .OrderBy(m => m.User.DisplayName).ThenBy(m => m.UserId)
            .Select(m => new { m.UserId, m.User.DisplayName, m.User.Role, m.User.Availability })
            .ToListAsync(ct);
        var ids = members.Select(m => m.UserId).ToList();
        var absences = (await db.Absences.AsNoTracking()
                .Where(a => ids.Contains(a.UserId) && a.CancelledAt == null && a.StartsAt <= now && a.EndsAt > now)
                .Select(a => new { a.UserId, Absence = new AbsenceRef(a.Id, a.Kind, a.EndsAt) }).ToListAsync(ct))
            .GroupBy(a => a.UserId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Absence.EndsAt).First().Absence);
        var counts = await CountAsync(ids, actor, now, ct);

        var agents = members.Select(m =>
        {
            var mine = counts.Where(c => c.AssigneeId == m.UserId).ToList();
            int Of(params TicketStatus[] statuses) => mine.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);
            return new AgentWorkloadDto(m.UserId, m.DisplayName, m.Role, m.Availability, absences.GetValueOrDefault(m.UserId),
                Of(TicketStatus.New, TicketStatus.Open), Of(TicketStatus.Pending), Of(TicketStatus.OnHold),
                mine.Sum(c => c.Breaching), mine.Sum(c => c.Count * Workload.LoadOf(c.Status, c.Priority)));
        }).ToList();
        return new TeamWorkloadDto(teamId, team.Name, team.AssignmentMethod, now, agents);
    }

    /// <summary>An agent's unsolved tickets that the reader may see, newest first, for reassigning them.</summary>
    public async Task<Result<List<WorkloadTicket>>> TicketsAsync(Guid agentId, Actor actor, CancellationToken ct)
    {
        if (!await access.SupervisesAsync(actor, agentId, ct)) return RoutingAccess.NotYourTeam;
        var unsolved = Workload.Unsolved;
        return await db.Tickets.VisibleTo(actor, db).AsNoTracking()
            .Where(t => t.AssigneeId == agentId && unsolved.Contains(t.Status))
            .OrderByDescending(t => t.Number).Take(MaxTickets)
            .Select(t => new WorkloadTicket(t.Number, t.Subject, t.Status, t.Priority, t.Team == null ? null : t.Team.Name, t.SlaDueAt, t.CreatedAt))
            .ToListAsync(ct);
    }

    private sealed record Tally(Guid AssigneeId, TicketStatus Status, Priority Priority, int Count, int Breaching);

    /// <summary>One grouped query over the assignee index: per agent, status and priority, how many and how many breaching.</summary>
    private async Task<List<Tally>> CountAsync(List<Guid> ids, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var unsolved = Workload.Unsolved;
        var soon = now + Workload.BreachingWithin;
        var rows = await db.Tickets.VisibleTo(actor, db).AsNoTracking()
            .Where(t => t.AssigneeId != null && ids.Contains(t.AssigneeId.Value) && unsolved.Contains(t.Status))
            .GroupBy(t => new { t.AssigneeId, t.Status, t.Priority })
            .Select(g => new { g.Key.AssigneeId, g.Key.Status, g.Key.Priority, Count = g.Count(), Breaching = g.Count(t => t.SlaDueAt != null && t.SlaDueAt < soon) })
            .ToListAsync(ct);
        return [.. rows.Select(r => new Tally(r.AssigneeId!.Value, r.Status, r.Priority, r.Count, r.Breaching))];
    }
}
