using NodaTime;
using NodaTime.TimeZones;

namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>
/// A valid calendar compiled for arithmetic: it lists the open intervals between two instants, one local day at
/// a time, so every question costs in proportion to the days it spans, never to the minutes.
/// </summary>
/// <remarks>
/// Opening ranges are local wall-clock times. Each day's boundaries are turned into instants by the zone:
/// <list type="bullet">
/// <item>a boundary that does not exist, being inside a spring-forward gap, becomes the first instant after the
/// gap: an office opening at 01:30 on a day when clocks jump from 01:00 to 02:00 opens at that jump;</item>
/// <item>a boundary that exists twice, being inside a fall-back overlap, becomes the earlier of the two instants;</item>
/// <item>24:00 is the next date's 00:00, resolved the same way.</item>
/// </list>
/// So a range lasts the real time that passes between its two boundaries: 09:00–17:00 is 8 h on a normal day,
/// 00:00–24:00 is 23 h or 25 h on a transition day, and a range wholly inside a gap lasts nothing. This mapping
/// never goes back in time as the local time moves forward, so a day's intervals stay in order and end no later
/// than the next day's begin. A holiday closes its whole local date.
/// </remarks>
internal sealed class OpenTimeline
{
    private static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private readonly DateTimeZone _zone;
    private readonly OpeningRange[][] _rangesByDay; // indexed by DayOfWeek, sorted by start
    private readonly HashSet<DateOnly> _oneOffDates;
    private readonly HashSet<(int Month, int Day)> _yearlyDates;

    public OpenTimeline(DateTimeZone zone, WeeklyHours hours, IReadOnlyList<Holiday> holidays)
    {
        _zone = zone;
        _rangesByDay = [.. Enum.GetValues<DayOfWeek>().Select(day => hours.On(day).OrderBy(r => r.StartMinute).ToArray())];
        _oneOffDates = [.. holidays.Where(h => !h.RepeatsYearly).Select(h => h.Date)];
        _yearlyDates = [.. holidays.Where(h => h.RepeatsYearly).Select(h => (h.Date.Month, h.Date.Day))];
    }

    /// <summary>The open intervals that lie in [from, until), clipped to it, in order; empty when until &lt;= from.</summary>
    public IEnumerable<Interval> Between(Instant from, Instant until)
    {
        // Earlier dates cannot reach `from`: they end by this date's 00:00 resolved, which is never after `from`
        // (a local time maps to itself or, when repeated, to its earlier occurrence, and the mapping keeps order).
        for (var date = from.InZone(_zone).Date; ; date = date.PlusDays(1))
        {
            if (Resolve(date, 0) >= until) yield break;
            if (IsHoliday(date)) continue;
            foreach (var range in _rangesByDay[(int)date.ToDateOnly().DayOfWeek])
            {
                var start = Instant.Max(Resolve(date, range.StartMinute), from);
                var end = Instant.Min(Resolve(date, range.EndMinute), until);
                if (start < end) yield return new Interval(start, end);
            }
        }
    }

    private bool IsHoliday(LocalDate date)
    {
        var day = date.ToDateOnly();
        return _oneOffDates.Contains(day) || _yearlyDates.Contains((day.Month, day.Day));
    }

    private Instant Resolve(LocalDate date, int minute) =>
        _zone.ResolveLocal(date.AtMidnight().PlusMinutes(minute), Resolver).ToInstant();
}
