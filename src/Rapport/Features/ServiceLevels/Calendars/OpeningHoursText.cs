namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>
/// Opening hours in plain words, for people rather than clocks: "Mon–Fri 08:00–12:00 and 13:00–17:30; Sat
/// 10:00–13:00; closed on holidays". Days in a row with the same hours share one line; ranges that touch read as
/// one; days not named are closed.
/// </summary>
public static class OpeningHoursText
{
    private static readonly OpeningRange AllDay = new(0, OpeningRange.MinutesPerDay);

    /// <summary>The week's lines, then whether holidays close it, joined by semicolons.</summary>
    public static string Summary(BusinessCalendar calendar)
    {
        var parts = Lines(calendar.WeeklyHours).ToList();
        if (calendar.Holidays.Count > 0) parts.Add("closed on holidays");
        return string.Join("; ", parts);
    }

    /// <summary>One line per run of days with the same hours, Monday first: ["Mon–Fri 09:00–17:00", "Sat 10:00–13:00"].</summary>
    public static IReadOnlyList<string> Lines(WeeklyHours hours)
    {
        var week = WeeklyHours.EveryDay.Select(day => (Day: day, Ranges: Merged(hours.On(day)))).ToList();
        if (week.All(d => d.Ranges is [var only] && only == AllDay)) return ["Open around the clock, every day"];

        var runs = new List<(DayOfWeek First, DayOfWeek Last, IReadOnlyList<OpeningRange> Ranges)>();
        for (var i = 0; i < week.Count; i++)
        {
            var (day, ranges) = week[i];
            if (ranges.Count == 0) continue;
            var continues = runs.Count > 0 && i > 0 && runs[^1].Last == week[i - 1].Day && runs[^1].Ranges.SequenceEqual(ranges);
            if (continues) runs[^1] = runs[^1] with { Last = day };
            else runs.Add((day, day, ranges));
        }
        if (runs.Count == 0) return ["Closed"];
        if (runs is [var all] && all.First == DayOfWeek.Monday && all.Last == DayOfWeek.Sunday) return [$"Every day {Times(all.Ranges)}"];
        return [.. runs.Select(run => $"{Days(run.First, run.Last)} {Times(run.Ranges)}")];
    }

    private static string Days(DayOfWeek first, DayOfWeek last) => first == last ? Short(first) : $"{Short(first)}–{Short(last)}";

    private static string Short(DayOfWeek day) => day.ToString()[..3];

    private static string Times(IReadOnlyList<OpeningRange> ranges)
    {
        if (ranges is [var only] && only == AllDay) return "all day";
        var texts = ranges.Select(r => r.ToString()).ToList();
        return texts.Count == 1 ? texts[0] : $"{string.Join(", ", texts[..^1])} and {texts[^1]}";
    }

    /// <summary>Sorted, with ranges that touch or overlap joined: 09:00–12:00 and 12:00–17:00 is 09:00–17:00.</summary>
    private static List<OpeningRange> Merged(IReadOnlyList<OpeningRange> ranges)
    {
        var merged = new List<OpeningRange>();
        foreach (var range in ranges.OrderBy(r => r.StartMinute))
        {
            if (merged.Count > 0 && range.StartMinute <= merged[^1].EndMinute)
                merged[^1] = merged[^1] with { EndMinute = Math.Max(merged[^1].EndMinute, range.EndMinute) };
            else merged.Add(range);
        }
        return merged;
    }
}
