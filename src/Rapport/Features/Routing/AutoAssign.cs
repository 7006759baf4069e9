using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;

namespace Rapport.Features.Routing;

/// <summary>An agent chosen for a ticket by its team's method, ready to be written.</summary>
public sealed record AutoAssignment(long TeamId, AssignmentMethod Method, RoutingChoice Choice);

/// <summary>
/// Gives a ticket that has a team but nobody on it to an agent, by the team's method. In two
/// steps so the caller keeps its write short: <see cref="ChooseAsync"/> only reads, before the
/// write transaction; <see cref="ApplyAsync"/> sets the assignee, moves the agent's turn and
/// records the audit event inside it.
/// </summary>
public sealed class AutoAssign(RapportDbContext db, TeamRoster rosters, AuditLog audit, TimeProvider clock, Tickets.ITicketMailer mailer)
{
    /// <summary>Null when there is nothing to do: no team, an assignee already, solved, a manual team, or nobody available.</summary>
    /// <param name="requesterId">The requester whose language counts (a new requester has none yet).</param>
    public async Task<AutoAssignment?> ChooseAsync(Ticket ticket, long? requesterId, CancellationToken ct)
    {
        if (ticket.TeamId is not { } teamId || ticket.AssigneeId is not null || !Workload.IsUnsolved(ticket.Status)) return null;
        var roster = await rosters.ReadAsync(teamId, clock.GetUtcNow(), ct);
        if (roster is null || roster.Method == AssignmentMethod.Manual) return null;
        var needs = roster.Method == AssignmentMethod.SkillsBased ? await NeedsAsync(ticket, requesterId, ct) : TicketNeeds.None;
        var choice = Router.Choose(roster.Method, roster.Candidates, needs, clock.GetUtcNow());
        return choice is null ? null : new AutoAssignment(teamId, roster.Method, choice);
    }

    /// <summary>Inside the caller's write transaction, once the ticket has its number; the caller saves.</summary>
    public async Task ApplyAsync(AutoAssignment assignment, Ticket ticket, CancellationToken ct)
    {
        var (teamId, userId, stamp) = (assignment.TeamId, assignment.Choice.UserId, assignment.Choice.Stamp);
        ticket.AssigneeId = userId;
        await db.TeamMembers.Where(m => m.TeamId == teamId && m.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LastAssignedAt, stamp), ct);
        audit.Record(Actor.System, "ticket", ticket.Number.ToString(CultureInfo.InvariantCulture), "auto_assigned",
            Changes(null, userId, assignment.Method, assignment.Choice.Reason), ticketNumber: ticket.Number, customerId: ticket.RequesterId);
        await mailer.NotifyAssignedAsync(ticket, userId, ct);
    }

    /// <summary>The audit fields of a routing decision: the assignee before and after, the method and the reason.</summary>
    public static AuditChanges Changes(Guid? from, Guid? to, AssignmentMethod? method, string reason) => new AuditChanges()
        .Set("assigneeId", from?.ToString(), to?.ToString())
        .Set("method", null, method is { } used ? EnumNames.ToSnakeCase(used) : null)
        .Set("reason", null, reason);

    private async Task<TicketNeeds> NeedsAsync(Ticket ticket, long? requesterId, CancellationToken ct)
    {
        var language = requesterId is { } id
            ? await db.Customers.Where(c => c.Id == id).Select(c => c.PreferredLanguage).FirstOrDefaultAsync(ct)
            : null;
        return new TicketNeeds(language, ticket.ServiceId, ticket.Tags.Select(t => t.Name).ToList());
    }
}
