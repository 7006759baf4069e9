using FsCheck;
using FsCheck.Fluent;
using Rapport.Features.ServiceLevels.Calendars;

namespace Rapport.Tests.ServiceLevels;

/// <summary>A random calendar with a readable description, so a failing property shows what it failed on.</summary>
public sealed record CalendarCase(string Zone, OpeningRange[][] Week, Holiday[] Holidays)
{
    public BusinessCalendar Calendar { get; } = new(Zone,
        Enum.GetValues<DayOfWeek>().Aggregate(WeeklyHours.Closed, (hours, day) => hours.With(day, Week[(int)day])), Holidays);

    /// <summary>Open time in a week, ignoring holidays and daylight saving: a yardstick for sensible durations.</summary>
    public TimeSpan WeeklyOpenTime => TimeSpan.FromMinutes(Week.Sum(day => day.Sum(r => r.EndMinute - r.StartMinute)));

    public override string ToString() =>
        $"{Zone} | {string.Join(" | ", Week.Select((day, i) => $"{(DayOfWeek)i}: {string.Join(", ", day)}"))} | " +
        $"holidays: {string.Join(", ", Holidays.Select(h => $"{h.Date:yyyy-MM-dd}{(h.RepeatsYearly ? " yearly" : "")}"))}";
}

internal static class CalendarGenerators
{
    // Zones with DST of an hour (north and south), none, half an hour (Lord Howe), transitions at midnight
    // (Sao Paulo until 2019) and a skipped date (Apia, 30 December 2011).
    public static readonly string[] Zones =
        ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Apia", "UTC"];

    public static readonly DateTimeOffset Earliest = new(2010, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const int SpanDays = 22 * 365;

    // Boundaries favour the hours where clocks change and whole and half hours, so they meet gaps and overlaps.
    private static readonly Gen<int> Boundary = Gen.Frequency(
        (3, Gen.Elements(0, 30, 60, 90, 120, 150, 180, 540, 720, 780, 1020, 1410, 1440)),
        (2, Gen.Choose(0, 96).Select(quarter => quarter * 15)),
        (1, Gen.Choose(0, OpeningRange.MinutesPerDay)));

    // Distinct sorted boundaries paired up make ranges that are well formed and never overlap.
    private static readonly Gen<OpeningRange[]> Day =
        Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 3))).SelectMany(ranges => Gen.ArrayOf(Boundary, 2 * ranges))
            .Select(points =>
            {
                var sorted = points.Distinct().Order().ToArray();
                return Enumerable.Range(0, sorted.Length / 2).Select(i => new OpeningRange(sorted[2 * i], sorted[2 * i + 1])).ToArray();
            });

    private static readonly Gen<Holiday> AHoliday =
        from day in Gen.Choose(0, SpanDays)
        from yearly in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Holiday(DateOnly.FromDateTime(Earliest.UtcDateTime).AddDays(day), "Holiday", yearly);

    public static readonly Gen<CalendarCase> Calendars =
        from zone in Gen.Elements(Zones)
        from week in Gen.ArrayOf(Day, 7).Where(days => days.Any(d => d.Length > 0))
        from holidays in Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(AHoliday, n))
        select new CalendarCase(zone, week, WithoutClashes(holidays));

    /// <summary>Instants over 22 years, often on a whole or half hour so they meet range boundaries.</summary>
    public static readonly Gen<DateTimeOffset> Instants =
        from day in Gen.Choose(0, SpanDays)
        from minute in Gen.Frequency((2, Gen.Choose(0, 47).Select(half => half * 30)), (1, Gen.Choose(0, 1439)))
        from second in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 59)))
        select Earliest.AddDays(day).AddMinutes(minute).AddSeconds(second);

    /// <summary>Zero, a few minutes or up to eight weeks' worth of the calendar's open time.</summary>
    public static Gen<TimeSpan> DurationsFor(CalendarCase calendar) => Gen.Frequency(
        (1, Gen.Constant(TimeSpan.Zero)),
        (2, Gen.Choose(1, 600).Select(minutes => TimeSpan.FromMinutes(minutes))),
        (4, Gen.Choose(0, 8000).Select(permille => calendar.WeeklyOpenTime * permille / 1000)));

    /// <summary>300 cases a property: calendars vary widely and a case costs well under a millisecond.</summary>
    public static void Holds<T>(Gen<T> cases, Func<T, bool> property) =>
        Prop.ForAll(cases.ToArbitrary(), property).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    private static Holiday[] WithoutClashes(Holiday[] holidays)
    {
        var kept = new List<Holiday>();
        foreach (var holiday in holidays)
            if (!kept.Any(holiday.Clashes))
                kept.Add(holiday);
        return [.. kept];
    }
}
