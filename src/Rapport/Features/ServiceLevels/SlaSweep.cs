using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Escalation;
using Rapport.Features.Notifications;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.ServiceLevels.Policies;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Live;

namespace Rapport.Features.ServiceLevels;

/// <summary>
/// Records SLA warnings and breaches when their time comes: for every ticket whose
/// <see cref="Ticket.EscalationAt"/> has passed (an indexed range), it writes the event to the ticket's
/// history, tells the assignee (or the team when nobody has it), escalates when the policy says so, and
/// moves <see cref="Ticket.EscalationAt"/> on to the next event. Each ticket is its own small write.
/// </summary>
public sealed class SlaSweep(
    RapportDbContext db, ActiveSlaPolicies policies, EscalateTicket escalate, Notify notify, AuditLog audit, TicketChanges live, TimeProvider clock)
{
    private const int BatchSize = 100;

    /// <summary>Handles everything due by now; returns how many tickets it recorded something on.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var recorded = 0;
        long after = 0;
        while (true)
        {
            var due = await db.Tickets.AsNoTracking().Where(t => t.EscalationAt <= now && t.Number > after)
                .OrderBy(t => t.Number).Select(t => t.Number).Take(BatchSize).ToListAsync(ct);
            foreach (var number in due)
                if (await RecordAsync(number, now, ct)) recorded++;
            if (due.Count < BatchSize) return recorded;
            after = due[^1];
        }
    }

    private async Task<bool> RecordAsync(long number, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var ticket = await db.Tickets.Include(t => t.SlaClocks).FirstOrDefaultAsync(t => t.Number == number, ct);
        if (ticket?.EscalationAt is not { } next || next > now) return false;

        foreach (var row in ticket.SlaClocks.Where(r => r.RunningSince is not null).OrderBy(r => r.Metric))
        {
            var seen = (await TicketClocks.RestoreAsync(row, policies, ct)).Evaluate(now);
            var policy = await policies.FindAsync(row.PolicyId, ct);
            if (row.WarningRecordedAt is null && seen.WarningAt <= now)
            {
                row.WarningRecordedAt = now;
                await RecordEventAsync(ticket, row, "sla_warning", $"{Describe(row.Metric)} is due {Minutes(seen.Remaining)}", policy?.EscalateOnWarning == true, ct);
            }
            if (row.BreachRecordedAt is null && seen.DueAt <= now)
            {
                row.BreachRecordedAt = now;
                await RecordEventAsync(ticket, row, "sla_breached", $"{Describe(row.Metric)} target was missed", policy?.EscalateOnBreach == true, ct);
            }
        }
        var clocks = new TicketClocks(ticket, policies);
        await clocks.LoadAsync(ct);
        clocks.Store(now);
        // The ticket's service-level state changed, so its representation did: a new version, but no new activity.
        ticket.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // Someone changed the ticket meanwhile; its clocks were worked out again then, and the next sweep looks again.
        }
        live.Publish(number);
        return true;
    }

    private async Task RecordEventAsync(Ticket ticket, TicketSlaClock row, string action, string sentence, bool escalates, CancellationToken ct)
    {
        audit.Record(Actor.System, "ticket", ticket.Number.ToString(CultureInfo.InvariantCulture), action,
            new AuditChanges().Set("metric", null, row.Metric).Set("dueAt", null, row.DueAt).Set("targetMinutes", null, row.TargetMinutes),
            ticketNumber: ticket.Number, customerId: ticket.RequesterId);
        var people = ticket.AssigneeId is { } assignee ? [assignee]
            : ticket.TeamId is { } team ? await db.TeamMembers.Where(m => m.TeamId == team).Select(m => m.UserId).ToListAsync(ct)
            : [];
        notify.People(people, action, $"#{ticket.Number}: {sentence}", ticket.Number, null);
        if (escalates) await escalate.AutomaticallyAsync(ticket, $"{Describe(row.Metric)} {(action == "sla_warning" ? "warning" : "breach")}", Actor.System, ct);
    }

    public static string Describe(SlaMetric metric) => metric switch
    {
        SlaMetric.FirstResponse => "First response",
        SlaMetric.NextResponse => "Next response",
        _ => "Resolution",
    };

    private static string Minutes(TimeSpan remaining) =>
        remaining <= TimeSpan.Zero ? "now" : $"in {Math.Ceiling(remaining.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min of service time";
}
