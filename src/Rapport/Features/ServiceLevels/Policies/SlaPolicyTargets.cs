using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;

namespace Rapport.Features.ServiceLevels.Policies;

/// <summary>A policy's promised times as the targets its clocks run on.</summary>
public static class SlaPolicyTargets
{
    /// <summary>
    /// One target per promised time, in metric order. A business-hours target counts in
    /// <paramref name="calendar"/> (the policy's, converted with <see cref="StoredCalendars"/>; around the clock when
    /// the policy has none), any other in elapsed time. Each warns at the policy's percentage.
    /// </summary>
    public static IReadOnlyList<SlaTarget> ToSlaTargets(this SlaPolicy policy, BusinessCalendar calendar) =>
    [
        .. policy.Targets.OrderBy(t => t.Metric).Select(t => new SlaTarget(
            t.Metric,
            TimeSpan.FromMinutes(t.Minutes),
            t.BusinessHours ? calendar : BusinessCalendar.TwentyFourSeven,
            policy.WarnAtPercent / 100.0)),
    ];
}
