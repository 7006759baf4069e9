using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Notifications;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Live;

namespace Rapport.Features.Complaints;

/// <summary>
/// Escalates complaints whose acknowledgement or final response is overdue, once per deadline: the ticket
/// moves to the complaints team (unassigned when its assignee is not a member), its escalation level goes up
/// by one for each missed deadline, the team's members are notified and an audit event says why. It also opens
/// the procedure of complaint tickets that arrived without one (imported, demo data), received when created.
/// </summary>
public sealed class EscalateOverdueComplaints(RapportDbContext db, AuditLog audit, TimeProvider clock, TicketChanges live, ILogger<EscalateOverdueComplaints> logger)
{
    private const int Batch = 100;
    private static readonly TicketStatus[] Unsolved = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];

    // One sweep at a time in this process; across instances the tickets' and complaints' versions keep it to once.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Returns how many complaints were escalated.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            await OpenMissingAsync(ct);
            return await EscalateDueAsync(ct);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task OpenMissingAsync(CancellationToken ct)
    {
        while (true)
        {
            var missing = await db.Tickets.AsNoTracking()
                .Where(t => t.Type == TicketType.Complaint && Unsolved.Contains(t.Status) && !db.Complaints.Any(c => c.TicketNumber == t.Number))
                .OrderBy(t => t.Number).Select(t => new { t.Number, t.CreatedAt, t.RequesterId }).Take(Batch).ToListAsync(ct);
            foreach (var ticket in missing)
                ComplaintIntake.Open(db, audit, await ComplaintIntake.NewAsync(db, ticket.Number, ticket.CreatedAt, ct), Actor.System, ticket.RequesterId);
            if (missing.Count == 0) return;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The ticket's own use case opened some of them meanwhile; the next sweep takes the rest.
                db.ChangeTracker.Clear();
                return;
            }
            db.ChangeTracker.Clear();
            if (missing.Count < Batch) return;
        }
    }

    private async Task<int> EscalateDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var team = await ComplaintsTeamAsync(ct);
        var escalated = 0;
        while (true)
        {
            var due = await db.Complaints.AsNoTracking().Where(c => c.EscalateAt <= now)
                .OrderBy(c => c.EscalateAt).ThenBy(c => c.TicketNumber).Select(c => c.TicketNumber).Take(Batch).ToListAsync(ct);
            var failed = 0;
            foreach (var number in due)
            {
                switch (await TryEscalateAsync(number, team, now, ct))
                {
                    case Outcome.Escalated: escalated++; break;
                    case Outcome.Conflict: failed++; break;
                }
            }
            if (due.Count < Batch || failed > 0) return escalated;
        }
    }

    private enum Outcome { Escalated, Settled, Conflict }

    /// <summary>Each complaint in its own unit of work, so a conflict on one (someone changed the ticket) leaves the others.</summary>
    private async Task<Outcome> TryEscalateAsync(long number, ComplaintsTeam? team, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var complaint = await db.Complaints.Include(c => c.Ticket).SingleOrDefaultAsync(c => c.TicketNumber == number, ct);
        if (complaint is null) return Outcome.Settled;
        var ticket = complaint.Ticket;
        var missed = ComplaintDeadlines.ToEscalate(complaint, now);
        var escalate = ticket.Type == TicketType.Complaint && Unsolved.Contains(ticket.Status) && missed.Count > 0;
        if (escalate) Escalate(complaint, missed, team, now);
        // No longer an open complaint: nothing to watch until its type changes back (ComplaintIntake refreshes it).
        else if (ticket.Type != TicketType.Complaint || !Unsolved.Contains(ticket.Status)) complaint.EscalateAt = null;
        else ComplaintDeadlines.Refresh(complaint);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Ticket #{Number} changed while its complaint was being escalated; trying again next sweep", number);
            return Outcome.Conflict;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        if (!escalate) return Outcome.Settled;
        live.Publish(number);
        return Outcome.Escalated;
    }

    private void Escalate(Complaint complaint, IReadOnlyList<ComplaintDeadline> missed, ComplaintsTeam? team, DateTimeOffset now)
    {
        var ticket = complaint.Ticket;
        var changes = new AuditChanges();
        var toNotify = new List<Guid>();
        if (team is not null)
        {
            changes.Set("teamId", ticket.TeamId, team.Id);
            ticket.TeamId = team.Id;
            if (ticket.AssigneeId is { } assignee && !team.Members.Contains(assignee))
            {
                changes.Set("assigneeId", ticket.AssigneeId, null);
                ticket.AssigneeId = null;
            }
            toNotify.AddRange(team.Members);
        }
        else if (ticket.AssigneeId is { } assignee) toNotify.Add(assignee);
        changes.Set("escalationLevel", ticket.EscalationLevel, ticket.EscalationLevel + missed.Count);
        ticket.EscalationLevel += missed.Count;
        foreach (var deadline in missed) ComplaintDeadlines.MarkEscalated(complaint, deadline, now);
        ComplaintDeadlines.Refresh(complaint);

        var reason = Reason(complaint, missed, team);
        changes.Set("reason", null, reason);
        ticket.UpdatedAt = now;
        ticket.Version++;
        complaint.UpdatedAt = now;
        complaint.Version++;
        var number = ticket.Number.ToString(CultureInfo.InvariantCulture);
        audit.Record(Actor.System, "ticket", number, "escalated", changes, ticketNumber: ticket.Number, customerId: ticket.RequesterId);
        new Notify(db, clock).People(toNotify, "complaint_overdue", $"#{number} {ticket.Subject}: {reason}", ticket.Number, actor: null);
    }

    private static string Reason(Complaint complaint, IReadOnlyList<ComplaintDeadline> missed, ComplaintsTeam? team)
    {
        var what = string.Join(" and ", missed.Select(d =>
        {
            var due = d == ComplaintDeadline.Acknowledgement ? complaint.AcknowledgeBy : complaint.RespondBy;
            return $"the {ComplaintDeadlines.Label(d)} (due {due.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC)";
        }));
        var where = team is null ? "no complaints team is set, so it stays with its team" : $"escalated to {team.Name}";
        return $"Complaint overdue: {what} {(missed.Count == 1 ? "was" : "were")} missed; {where}.";
    }

    private async Task<ComplaintsTeam?> ComplaintsTeamAsync(CancellationToken ct)
    {
        var team = await db.ComplaintSettings.AsNoTracking().Where(s => s.Id == ComplaintSettings.SingletonId && s.TeamId != null)
            .Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => new { t.Id, t.Name }).SingleOrDefaultAsync(ct);
        if (team is null) return null;
        var members = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == team.Id && m.User.IsActive && m.User.Role != Role.Customer)
            .Select(m => m.UserId).ToListAsync(ct);
        return new ComplaintsTeam(team.Id, team.Name, [.. members]);
    }

    private sealed record ComplaintsTeam(long Id, string Name, HashSet<Guid> Members);
}

/// <summary>
/// Runs <see cref="EscalateOverdueComplaints"/> every minute of real time. Not on the app's TimeProvider: a test that
/// moves a fake clock eight weeks on would otherwise wait while the timer fires eighty thousand times; tests call
/// the use case themselves, and it reads the app's clock.
/// </summary>
internal sealed class ComplaintSweeper(IServiceScopeFactory scopes, ILogger<ComplaintSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EscalateOverdueComplaints>().ExecuteAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Escalating overdue complaints failed; trying again in a minute");
            }
        }
    }
}
