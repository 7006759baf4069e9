using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Conditions;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Infrastructure.Caching;

namespace Rapport.Features.ServiceLevels.Policies;

/// <summary>A policy ready to apply: its conditions parsed and its calendar compiled.</summary>
public sealed record ActiveSlaPolicy(
    long Id, string Name, ConditionSet Conditions, long? CalendarId, BusinessCalendar Calendar,
    IReadOnlyDictionary<SlaMetric, SlaPolicyTarget> Targets, bool PauseOnHold, int WarnAtPercent,
    bool EscalateOnWarning, bool EscalateOnBreach)
{
    /// <summary>The pure target for a metric, or null when the policy promises nothing for it.</summary>
    public SlaTarget? TargetFor(SlaMetric metric) => Targets.TryGetValue(metric, out var target)
        ? new SlaTarget(metric, TimeSpan.FromMinutes(target.Minutes), target.BusinessHours ? Calendar : BusinessCalendar.TwentyFourSeven, WarnAtPercent / 100.0)
        : null;
}

/// <summary>
/// The active policies in order, and every calendar by id, kept in memory: a ticket is matched on every
/// change, and parsing conditions and compiling calendars each time would cost more than the rest of the
/// change. Changes to policies or calendars call <see cref="Forget"/>.
/// </summary>
public sealed class ActiveSlaPolicies(IServiceScopeFactory scopes, TimeProvider clock)
{
    private sealed record Snapshot(IReadOnlyList<ActiveSlaPolicy> Policies, IReadOnlyDictionary<long, BusinessCalendar> Calendars);

    private readonly DatabaseSnapshot<Snapshot> _snapshot = new(scopes, clock, LoadAsync);

    public void Forget() => _snapshot.Forget();

    /// <summary>The first active policy whose conditions the ticket meets, or null.</summary>
    public async Task<ActiveSlaPolicy?> MatchAsync(TicketFacts facts, CancellationToken ct)
    {
        var snapshot = await _snapshot.GetAsync(ct);
        var context = new ConditionContext(clock.GetUtcNow(), null);
        return snapshot.Policies.FirstOrDefault(p => p.Conditions.Matches(facts, context));
    }

    public async Task<ActiveSlaPolicy?> FindAsync(long policyId, CancellationToken ct) =>
        (await _snapshot.GetAsync(ct)).Policies.FirstOrDefault(p => p.Id == policyId);

    /// <summary>The calendar a stored clock counts in; around the clock when it has none, or it is gone.</summary>
    public async Task<BusinessCalendar> CalendarAsync(long? calendarId, CancellationToken ct) =>
        calendarId is { } id && (await _snapshot.GetAsync(ct)).Calendars.TryGetValue(id, out var calendar) ? calendar : BusinessCalendar.TwentyFourSeven;

    private static async Task<Snapshot> LoadAsync(RapportDbContext db, CancellationToken ct)
    {
        var calendars = (await db.Calendars.AsNoTracking().Include(c => c.Holidays).ToListAsync(ct))
            .ToDictionary(c => c.Id, ServiceCalendars.ToBusinessCalendar);
        var policies = await db.SlaPolicies.AsNoTracking().Include(p => p.Targets)
            .Where(p => p.IsActive).OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct);
        var active = policies.Select(p => new ActiveSlaPolicy(
            p.Id, p.Name, ConditionSet.FromJson(p.Conditions), p.CalendarId,
            p.CalendarId is { } id && calendars.TryGetValue(id, out var calendar) ? calendar : BusinessCalendar.TwentyFourSeven,
            p.Targets.ToDictionary(t => t.Metric), p.PauseOnHold, p.WarnAtPercent, p.EscalateOnWarning, p.EscalateOnBreach)).ToList();
        return new Snapshot(active, calendars);
    }
}
