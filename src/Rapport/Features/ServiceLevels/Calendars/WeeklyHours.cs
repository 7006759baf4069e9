using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>The opening ranges of each day of the week, in local wall-clock time. Immutable: <c>With</c> returns a copy.</summary>
public sealed class WeeklyHours
{
    public static readonly IReadOnlyList<DayOfWeek> MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    // Monday first: the order people read a week in, and so the order problems are reported in.
    public static readonly IReadOnlyList<DayOfWeek> EveryDay = [.. MondayToFriday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static readonly WeeklyHours Closed = new(new OpeningRange[7][]);

    // Indexed by DayOfWeek (Sunday = 0); each array as given, so validation can name ranges by their position.
    private readonly OpeningRange[][] _days;

    private WeeklyHours(OpeningRange[][] days) => _days = days;

    public IReadOnlyList<OpeningRange> On(DayOfWeek day) => _days[(int)day] ?? [];

    public WeeklyHours With(DayOfWeek day, params IEnumerable<OpeningRange> ranges) => With([day], ranges);

    public WeeklyHours With(IEnumerable<DayOfWeek> days, params IEnumerable<OpeningRange> ranges)
    {
        var copy = (OpeningRange[][])_days.Clone();
        var array = ranges.ToArray();
        foreach (var day in days) copy[(int)day] = array;
        return new WeeklyHours(copy);
    }

    internal void Validate(Validator validator, string field)
    {
        var opensAtAll = false;
        foreach (var day in EveryDay)
        {
            var dayField = $"{field}.{day.ToString().ToLowerInvariant()}";
            var ranges = On(day);
            for (var i = 0; i < ranges.Count; i++) ValidateRange(validator, $"{dayField}[{i}]", ranges[i]);
            ReportOverlaps(validator, dayField, ranges);
            opensAtAll |= ranges.Any(r => r.IsWellFormed);
        }
        if (!opensAtAll) validator.Add(field, "The calendar must be open for some time in the week.");
    }

    private static void ValidateRange(Validator validator, string field, OpeningRange range)
    {
        const string outside = "Must be between 00:00 and 24:00 (0 to 1440 minutes).";
        var startInDay = range.StartMinute is >= 0 and <= OpeningRange.MinutesPerDay;
        var endInDay = range.EndMinute is >= 0 and <= OpeningRange.MinutesPerDay;
        if (!startInDay) validator.Add($"{field}.start", outside);
        if (!endInDay) validator.Add($"{field}.end", outside);
        if (startInDay && endInDay && range.StartMinute >= range.EndMinute)
            validator.Add($"{field}.end", "Must be after the start.");
    }

    // Ranges may be listed in any order; sorted by start, each must begin at or after the furthest end so far.
    private static void ReportOverlaps(Validator validator, string dayField, IReadOnlyList<OpeningRange> ranges)
    {
        var byStart = ranges.Select((range, index) => (range, index))
            .Where(r => r.range.IsWellFormed)
            .OrderBy(r => r.range.StartMinute).ThenBy(r => r.index)
            .ToList();
        for (int i = 1, furthest = 0; i < byStart.Count; i++)
        {
            if (byStart[i - 1].range.EndMinute > byStart[furthest].range.EndMinute) furthest = i - 1;
            var (range, index) = byStart[i];
            var earlier = byStart[furthest].range;
            if (range.StartMinute < earlier.EndMinute)
                validator.Add($"{dayField}[{index}].start", $"Overlaps the range {earlier} on the same day.");
        }
    }
}
