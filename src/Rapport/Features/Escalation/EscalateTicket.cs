using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Escalation.Levels;
using Rapport.Features.Notifications;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Live;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation;

/// <summary>Why the ticket is escalated (required), and optionally the level it goes to (above the current one).</summary>
public sealed record EscalateTicketRequest(string? Reason, int? ToLevel);

/// <summary>An escalation as made: the level before and after with their names, the team and assignee now, and why.</summary>
public sealed record EscalationDto(long TicketNumber, int FromLevel, int Level, string LevelName, TeamRef? Team, PersonRef? Assignee, string Reason);

/// <summary>
/// Moves a ticket up the escalation ladder (<see cref="EscalationLadder"/>; first line = 0) with a reason, by hand or
/// when a service level warns or breaches or an automation rule says so. When the new level has a team, the ticket
/// moves there through <see cref="UpdateTicket"/> (assignee kept only if they are in it, then auto-assignment and SLA
/// re-matching as for any team change). The assignee, the team's leads and the level's role are told. Refused past
/// the top (409). It saves, in one transaction with whatever the caller has pending, so the escalation is written
/// with what caused it.
/// </summary>
public sealed class EscalateTicket(RapportDbContext db, EscalationLevels levels, UpdateTicket update, AuditLog audit, Notify notify, TicketChanges live)
{
    public const int ReasonLength = 500;

    /// <summary>By hand: staff escalate a ticket they see.</summary>
    public async Task<Result<EscalationDto>> ExecuteAsync(long number, EscalateTicketRequest request, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff escalate tickets.");
        var check = new Validator().Required("reason", request.Reason, ReasonLength, multiline: true);
        if (!check.IsValid) return check.ToError();
        var ticket = await db.Tickets.VisibleTo(actor, db).SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null) return new TicketNotFound(number);
        return await ExecuteAsync(ticket, request.Reason!.Trim(), request.ToLevel, actor, ct);
    }

    /// <summary>
    /// Escalates as a rule or a sweep does: at the top of the ladder it only records that it would have, so the rule
    /// or sweep carries on. The note is added to the caller's unit of work.
    /// </summary>
    /// <param name="ticket">Tracked.</param>
    public async Task<Result<EscalationDto>> AutomaticallyAsync(Ticket ticket, string reason, Actor actor, CancellationToken ct)
    {
        var escalated = await ExecuteAsync(ticket, reason, null, actor, ct);
        if (escalated.Error is EscalationAtTop top)
            audit.Record(actor, "ticket", ticket.Number.ToString(CultureInfo.InvariantCulture), "escalation_at_top",
                new AuditChanges().Set("escalationLevel", null, top.Level).Set("reason", null, reason), ticketNumber: ticket.Number, customerId: ticket.RequesterId);
        return escalated;
    }

    /// <param name="ticket">Tracked.</param>
    public async Task<Result<EscalationDto>> ExecuteAsync(Ticket ticket, string reason, int? toLevel, Actor actor, CancellationToken ct)
    {
        if (ticket.Status == TicketStatus.Closed) return new TransitionRefused("A closed ticket is final: it cannot be escalated.");
        var ladder = await levels.LadderAsync(ct);
        var next = ladder.Next(ticket.EscalationLevel, toLevel);
        if (!next.Succeeded) return next.Error!;
        var step = next.Value!;
        Result<EscalationDto> result;
        try
        {
            result = await db.InTransactionAsync<Result<EscalationDto>>(async () =>
            {
                if (step.TeamId is { } team && team != ticket.TeamId)
                {
                    // The same instance is tracked here: UpdateTicket moves it (and saves what the caller has pending).
                    var keeps = ticket.AssigneeId is { } assignee && await db.TeamMembers.AnyAsync(m => m.TeamId == team && m.UserId == assignee, ct);
                    var move = new UpdateTicketRequest(default, default, default, default, Optional<long?>.Of(team),
                        keeps ? default : Optional<Guid?>.Of(null), default, default);
                    var moved = await update.ExecuteAsync(ticket.Number, move, null, actor, ct);
                    if (!moved.Succeeded) return moved.Error!;
                }
                var from = ticket.EscalationLevel;
                ticket.EscalationLevel = step.Level;
                ticket.Version++;
                audit.Record(actor, "ticket", ticket.Number.ToString(CultureInfo.InvariantCulture), "escalated",
                    new AuditChanges().Set("escalationLevel", from, step.Level).Set("level", ladder.NameOf(from), step.Name).Set("reason", null, reason),
                    ticketNumber: ticket.Number, customerId: ticket.RequesterId);
                await NotifyAsync(ticket, step, reason, actor, ct);
                await db.SaveChangesAsync(ct);
                return await DescribeAsync(ticket, from, step, reason, ct);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new StaleTicketVersion(ticket.Number);
        }
        if (result.Succeeded) live.Publish(ticket.Number);
        return result;
    }

    private async Task NotifyAsync(Ticket ticket, LadderStep step, string reason, Actor actor, CancellationToken ct)
    {
        var people = ticket.TeamId is { } team ? await Recipients.TeamAsync(db, team, ct, Role.TeamLead) : [];
        if (ticket.AssigneeId is { } assignee) people.Add(assignee);
        people.AddRange(await Recipients.RoleAsync(db, step.NotifyRole, ticket.TeamId, ct));
        notify.People(people, "escalated", $"#{ticket.Number} was escalated to {step.Name} (level {step.Level}): {reason}", ticket.Number, actor.UserId);
    }

    private async Task<EscalationDto> DescribeAsync(Ticket ticket, int from, LadderStep step, string reason, CancellationToken ct)
    {
        var team = ticket.TeamId is { } teamId ? await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new TeamRef(t.Id, t.Name)).SingleAsync(ct) : null;
        var assignee = ticket.AssigneeId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new PersonRef(u.Id, u.DisplayName)).SingleAsync(ct)
            : null;
        return new EscalationDto(ticket.Number, from, step.Level, step.Name, team, assignee, reason);
    }
}
