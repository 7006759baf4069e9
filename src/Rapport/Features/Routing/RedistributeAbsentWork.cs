using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Live;
using Rapport.Infrastructure.Json;

namespace Rapport.Features.Routing;

/// <summary>
/// When an absence starts, the absent agent's unsolved tickets go to colleagues by each ticket's
/// team method, the absent agent left out; a ticket goes back to its team queue (unassigned) when
/// the team assigns by hand, nobody in it is available, or it has no team. Each ticket gets one
/// audit event with the reason. It happens once per absence: the absence records when.
/// Tickets are written in batches, each a short transaction; a batch that meets a concurrent
/// change is given up and the next sweep carries on, finding only tickets still on the agent.
/// </summary>
public sealed class RedistributeAbsentWork(
    RapportDbContext db, TeamRoster rosters, AuditLog audit, TimeProvider clock, TicketChanges live, ILogger<RedistributeAbsentWork> logger)
{
    public const int BatchSize = 100;

    private sealed record Move(Ticket Ticket, Guid From, Guid? To, AssignmentMethod? Method, string Reason, long? TeamId, DateTimeOffset? Stamp);

    /// <summary>The sweep: every absence that has started, not ended and not been redistributed. Returns the tickets moved.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Absences.AsNoTracking()
            .Where(a => a.RedistributedAt == null && a.EndsAt > now && a.CancelledAt == null && a.StartsAt <= now)
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var moved = 0;
        foreach (var id in due) moved += await ForAbsenceAsync(id, ct) ?? 0;
        return moved;
    }

    /// <summary>The tickets moved, or null when the absence is not due (not started, over, cancelled, or done already) or a batch was given up.</summary>
    public async Task<int?> ForAbsenceAsync(long absenceId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var absence = await db.Absences.AsNoTracking().Include(a => a.User).SingleOrDefaultAsync(a => a.Id == absenceId, ct);
        if (absence is null || absence.RedistributedAt is not null || !absence.IsCurrent(now)) return null;
        var unsolved = Workload.Unsolved;
        var tickets = await db.Tickets.Include(t => t.Tags)
            .Where(t => t.AssigneeId == absence.UserId && unsolved.Contains(t.Status)).OrderBy(t => t.Number).ToListAsync(ct);
        var requesters = tickets.Select(t => t.RequesterId).Distinct().ToList();
        var languages = await db.Customers.AsNoTracking().Where(c => requesters.Contains(c.Id) && c.PreferredLanguage != null)
            .ToDictionaryAsync(c => c.Id, c => c.PreferredLanguage!, ct);
        var teams = new Dictionary<long, Roster?>();

        foreach (var batch in tickets.Chunk(BatchSize))
        {
            var moves = new List<Move>();
            foreach (var ticket in batch) moves.Add(await PlanAsync(ticket, absence, teams, languages, now, ct));
            if (!await WriteAsync(moves, now, ct)) return null;
        }
        if (!await MarkDoneAsync(absence.Id, tickets.Count, now, ct)) return null;
        foreach (var ticket in tickets) live.Publish(ticket.Number);
        return tickets.Count;
    }

    /// <summary>Marks the absence done, unless a concurrent sweep did first (their ticket writes cannot both succeed).</summary>
    private async Task<bool> MarkDoneAsync(long absenceId, int moved, DateTimeOffset now, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var marked = await db.Absences.Where(a => a.Id == absenceId && a.RedistributedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.RedistributedAt, now), ct);
            if (marked == 0) return false;
            audit.Record(Actor.System, "absence", absenceId.ToString(CultureInfo.InvariantCulture), "redistributed",
                new AuditChanges().Set("tickets", null, moved));
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

    private async Task<Move> PlanAsync(Ticket ticket, Absence absence, Dictionary<long, Roster?> teams,
        Dictionary<long, string> languages, DateTimeOffset now, CancellationToken ct)
    {
        var why = $"{absence.User.DisplayName} is absent ({EnumNames.ToSnakeCase(absence.Kind)}) until {absence.EndsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
        Move Queue(string reason, AssignmentMethod? method) => new(ticket, absence.UserId, null, method, $"{why}; {reason}", ticket.TeamId, null);
        if (ticket.TeamId is not { } teamId) return Queue("the ticket has no team, so it waits unassigned", null);
        if (!teams.TryGetValue(teamId, out var roster))
        {
            teams[teamId] = roster = await rosters.ReadAsync(teamId, now, ct);
            roster?.Candidates.RemoveAll(c => c.UserId == absence.UserId);
        }
        if (roster is null) return Queue("the ticket's team is gone, so it waits unassigned", null);
        if (roster.Method == AssignmentMethod.Manual) return Queue("the team assigns by hand, so it is back in the team queue", roster.Method);
        var needs = roster.Method == AssignmentMethod.SkillsBased
            ? new TicketNeeds(languages.GetValueOrDefault(ticket.RequesterId), ticket.ServiceId, ticket.Tags.Select(t => t.Name).ToList())
            : TicketNeeds.None;
        var choice = Router.Choose(roster.Method, roster.Candidates, needs, now);
        if (choice is null) return Queue("nobody in the team is available, so it is back in the team queue", roster.Method);
        roster.Assigned(choice.UserId, Workload.LoadOf(ticket.Status, ticket.Priority), choice.Stamp);
        return new Move(ticket, absence.UserId, choice.UserId, roster.Method, $"{why}; {choice.Reason}", teamId, choice.Stamp);
    }

    /// <summary>One batch in one transaction; false when a ticket changed meanwhile (nothing of the batch is kept).</summary>
    private async Task<bool> WriteAsync(List<Move> moves, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                foreach (var move in moves)
                {
                    var ticket = move.Ticket;
                    ticket.AssigneeId = move.To;
                    ticket.UpdatedAt = now;
                    ticket.Version++;
                    var changes = AutoAssign.Changes(move.From, move.To, move.Method, move.Reason);
                    audit.Record(Actor.System, "ticket", ticket.Number.ToString(CultureInfo.InvariantCulture), "redistributed", changes,
                        ticketNumber: ticket.Number, customerId: ticket.RequesterId);
                }
                // The latest turn of each agent who took tickets in this batch.
                foreach (var turn in moves.Where(m => m.To is not null).GroupBy(m => (m.TeamId!.Value, m.To!.Value)))
                {
                    var ((teamId, userId), stamp) = (turn.Key, turn.Max(m => m.Stamp));
                    await db.TeamMembers.Where(m => m.TeamId == teamId && m.UserId == userId)
                        .ExecuteUpdateAsync(set => set.SetProperty(m => m.LastAssignedAt, stamp), ct);
                }
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Redistribution met a ticket changed meanwhile; the next sweep carries on");
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
