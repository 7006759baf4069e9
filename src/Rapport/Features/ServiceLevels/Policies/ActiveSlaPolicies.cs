using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Conditions;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Infrastructure.Caching;

namespace Rapport.Features.ServiceLevels.Policies;

/// <summary>A policy ready to apply: its targets with its calendar compiled (the matcher holds its conditions).</summary>
public sealed record ActiveSlaPolicy(
    long Id, string Name, long? CalendarId, BusinessCalendar Calendar,
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
    private sealed record Snapshot(SlaPolicyMatcher Matcher, IReadOnlyDictionary<long, ActiveSlaPolicy> Policies, IReadOnlyDictionary<long, BusinessCalendar> Calendars);

    private readonly DatabaseSnapshot<Snapshot> _snapshot = new(scopes, clock, LoadAsync);

    public void Forget() => _snapshot.Forget();

    /// <summary>Awaits a change to policies or calendars, then forgets: tickets are matched against the new ones from their next change on.</summary>
    public async Task<T> AfterChangeAsync<T>(Task<T> change)
    {
        var result = await change;
        Forget();
        return result;
    }

    /// <summary>The first active policy whose conditions the ticket meets, or null.</summary>
    public async Task<ActiveSlaPolicy?> MatchAsync(TicketFacts facts, CancellationToken ct)
    {
        var snapshot = await _snapshot.GetAsync(ct);
        return snapshot.Matcher.Match(facts, clock.GetUtcNow()) is { } policy ? snapshot.Policies[policy.Id] : null;
    }

    public async Task<ActiveSlaPolicy?> FindAsync(long policyId, CancellationToken ct) =>
        (await _snapshot.GetAsync(ct)).Policies.GetValueOrDefault(policyId);

    /// <summary>The calendar a stored clock counts in; around the clock when it has none, or it is gone.</summary>
    public async Task<BusinessCalendar> CalendarAsync(long? calendarId, CancellationToken ct) =>
        calendarId is { } id && (await _snapshot.GetAsync(ct)).Calendars.TryGetValue(id, out var calendar) ? calendar : BusinessCalendar.TwentyFourSeven;

    private static async Task<Snapshot> LoadAsync(RapportDbContext db, CancellationToken ct)
    {
        // A calendar that no longer reads counts around the clock rather than stopping every ticket change.
        var calendars = (await db.Calendars.AsNoTracking().Include(c => c.Holidays).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => c.TryToBusinessCalendar() ?? BusinessCalendar.TwentyFourSeven);
        var policies = await db.SlaPolicies.AsNoTracking().Include(p => p.Targets).Where(p => p.IsActive).ToListAsync(ct);
        var matcher = new SlaPolicyMatcher(policies);
        var active = policies.ToDictionary(p => p.Id, p => new ActiveSlaPolicy(
            p.Id, p.Name, p.CalendarId,
            p.CalendarId is { } id && calendars.TryGetValue(id, out var calendar) ? calendar : BusinessCalendar.TwentyFourSeven,
            p.Targets.ToDictionary(t => t.Metric), p.PauseOnHold, p.WarnAtPercent, p.EscalateOnWarning, p.EscalateOnBreach));
        return new Snapshot(matcher, active, calendars);
    }
}
