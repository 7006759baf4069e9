using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.ServiceLevels.Policies;
using Rapport.Features.Tickets;

namespace Rapport.Features.ServiceLevels;

/// <summary>
/// A ticket's stored clock rows as pure <see cref="SlaClock"/>s while a change is worked out, and written back
/// with the due and warning times, and the ticket's earliest due and next escalation times, that queries need.
/// </summary>
internal sealed class TicketClocks(Ticket ticket, ActiveSlaPolicies policies)
{
    private readonly Dictionary<SlaMetric, (SlaClock Clock, TicketSlaClock Row)> _clocks = [];

    public async Task LoadAsync(CancellationToken ct)
    {
        foreach (var row in ticket.SlaClocks) _clocks[row.Metric] = (await RestoreAsync(row, policies, ct), row);
    }

    public static async Task<SlaClock> RestoreAsync(TicketSlaClock row, ActiveSlaPolicies policies, CancellationToken ct)
    {
        var calendar = row.BusinessHours ? await policies.CalendarAsync(row.CalendarId, ct) : BusinessCalendar.TwentyFourSeven;
        var target = new SlaTarget(row.Metric, TimeSpan.FromMinutes(row.TargetMinutes), calendar, row.WarnAtPercent is > 0 and <= 100 ? row.WarnAtPercent / 100.0 : null);
        return SlaClock.Restore(target, row.StartedAt, TimeSpan.FromSeconds(row.ConsumedSeconds), row.RunningSince, row.PausedAt, row.StoppedAt, row.BreachedAt);
    }

    public SlaClock? Find(SlaMetric metric) => _clocks.TryGetValue(metric, out var entry) ? entry.Clock : null;

    /// <summary>Puts a clock under the policy's target for its metric; a new run or a new target is warned and breached afresh.</summary>
    public void Set(SlaMetric metric, SlaClock clock, ActiveSlaPolicy policy)
    {
        if (!_clocks.TryGetValue(metric, out var entry))
        {
            entry = (clock, new TicketSlaClock { Metric = metric });
            ticket.SlaClocks.Add(entry.Row);
        }
        var row = entry.Row;
        var target = policy.Targets[metric];
        if (row.PolicyId != policy.Id || row.TargetMinutes != target.Minutes || clock.StartedAt != row.StartedAt)
            (row.WarningRecordedAt, row.BreachRecordedAt) = (null, null);
        (row.PolicyId, row.TargetMinutes, row.BusinessHours) = (policy.Id, target.Minutes, target.BusinessHours);
        (row.CalendarId, row.WarnAtPercent) = (target.BusinessHours ? policy.CalendarId : null, policy.WarnAtPercent);
        _clocks[metric] = (clock, row);
    }

    public void Update(SlaMetric metric, Func<SlaClock, SlaClock> change)
    {
        if (_clocks.TryGetValue(metric, out var entry)) _clocks[metric] = (change(entry.Clock), entry.Row);
    }

    public void UpdateAll(Func<SlaClock, SlaClock> change)
    {
        foreach (var metric in _clocks.Keys.ToList()) Update(metric, change);
    }

    /// <summary>Forgets an unfinished clock the new policy has no target for; a finished one stays as the record of how it went.</summary>
    public void Drop(SlaMetric metric)
    {
        if (!_clocks.TryGetValue(metric, out var entry) || entry.Clock.StoppedAt is not null) return;
        ticket.SlaClocks.Remove(entry.Row);
        _clocks.Remove(metric);
    }

    public void Store(DateTimeOffset now)
    {
        DateTimeOffset? earliestDue = null, nextEvent = null;
        foreach (var (clock, row) in _clocks.Values)
        {
            (row.StartedAt, row.ConsumedSeconds) = (clock.StartedAt, (long)Math.Round(clock.ConsumedBeforeRun.TotalSeconds));
            (row.RunningSince, row.PausedAt, row.StoppedAt, row.BreachedAt) = (clock.RunningSince, clock.PausedAt, clock.StoppedAt, clock.BreachedAt);
            var seen = clock.Evaluate(now);
            (row.DueAt, row.WarnAt) = (seen.DueAt, seen.WarningAt);
            if (clock.RunningSince is null) continue;
            earliestDue = Earliest(earliestDue, seen.DueAt);
            if (row.WarningRecordedAt is null) nextEvent = Earliest(nextEvent, seen.WarningAt);
            if (row.BreachRecordedAt is null) nextEvent = Earliest(nextEvent, seen.DueAt);
        }
        (ticket.SlaDueAt, ticket.EscalationAt) = (earliestDue, nextEvent);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
