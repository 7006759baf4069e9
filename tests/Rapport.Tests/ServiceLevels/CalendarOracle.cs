using NodaTime;

namespace Rapport.Tests.ServiceLevels;

/// <summary>
/// A second, deliberately plain reading of a calendar for property tests: every range of every local date, each
/// boundary mapped by hand (a gap to the instant the clocks jump to, an overlap to its first occurrence), summed
/// where it meets the question's interval. Slow and obvious, with no walking, clipping or early exits.
/// </summary>
internal static class CalendarOracle
{
    public static TimeSpan Between(CalendarCase calendar, DateTimeOffset from, DateTimeOffset to) =>
        TimeSpan.FromTicks(OpenIntervalsAround(calendar, from, to)
            .Sum(open => Math.Max(0, Math.Min(open.End.Ticks, to.UtcTicks) - Math.Max(open.Start.Ticks, from.UtcTicks))));

    public static bool IsOpen(CalendarCase calendar, DateTimeOffset instant) =>
        OpenIntervalsAround(calendar, instant, instant).Any(open => open.Start.Ticks <= instant.UtcTicks && instant.UtcTicks < open.End.Ticks);

    private static IEnumerable<(DateTime Start, DateTime End)> OpenIntervalsAround(CalendarCase calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var zone = DateTimeZoneProviders.Tzdb[calendar.Zone];
        var first = DateOnly.FromDateTime(from.UtcDateTime).AddDays(-2);
        var last = DateOnly.FromDateTime(to.UtcDateTime).AddDays(2);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (calendar.Holidays.Any(h => h.FallsOn(date))) continue;
            foreach (var range in calendar.Week[(int)date.DayOfWeek])
                yield return (Map(zone, date, range.StartMinute), Map(zone, date, range.EndMinute));
        }
    }

    private static DateTime Map(DateTimeZone zone, DateOnly date, int minute)
    {
        var local = LocalDate.FromDateOnly(date).AtMidnight().PlusMinutes(minute);
        var mapping = zone.MapLocal(local);
        var instant = mapping.Count == 0 ? mapping.LateInterval.Start : mapping.First().ToInstant();
        return instant.ToDateTimeUtc();
    }
}
