using System.Globalization;
using System.Text.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>
/// The written form of <see cref="WeeklyHours"/>, the same in an API body and in the stored column: an object
/// from lower-case English day names to lists of <c>"HH:mm-HH:mm"</c> ranges,
/// <c>{"monday":["08:00-12:00","13:00-17:30"],"saturday":["10:00-13:00"]}</c>. A day left out or given an empty
/// list is closed; 24:00 may end a range. Written back, every day appears, Monday first, so a reader sees the week.
/// </summary>
public static class WeeklyHoursJson
{
    /// <summary>More ranges in one day is a typing mistake, not a timetable.</summary>
    public const int MaxRangesPerDay = 12;

    private static readonly Dictionary<string, DayOfWeek> DaysByName =
        WeeklyHours.EveryDay.ToDictionary(NameOf, day => day, StringComparer.Ordinal);

    /// <summary>"monday" for Monday: the key a day has in the JSON and in problem paths.</summary>
    public static string NameOf(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>
    /// Reads posted weekly hours, reporting each problem of form at its path (<c>weeklyHours.monday[1]</c>); null
    /// when there was one. The ranges keep their positions, so <see cref="BusinessCalendar.Validate"/> can name
    /// overlaps and reversed ranges by the same paths.
    /// </summary>
    public static WeeklyHours? Read(IReadOnlyDictionary<string, string?[]?>? days, string field, Validator check)
    {
        if (days is null)
        {
            check.Add(field, "Give the opening hours of each day, e.g. {\"monday\": [\"09:00-17:00\"]}.");
            return null;
        }
        var hours = WeeklyHours.Closed;
        var valid = true;
        foreach (var (name, texts) in days)
        {
            if (!DaysByName.TryGetValue(name, out var day))
            {
                check.Add($"{field}.{name}", $"'{name}' is not a day. Use {string.Join(", ", DaysByName.Keys)}.");
                valid = false;
                continue;
            }
            if (texts is null) continue;
            if (texts.Length > MaxRangesPerDay)
            {
                check.Add($"{field}.{name}", $"Give at most {MaxRangesPerDay} ranges a day.");
                valid = false;
                continue;
            }
            var ranges = new OpeningRange[texts.Length];
            for (var i = 0; i < texts.Length; i++)
            {
                if (TryParseRange(texts[i], out ranges[i])) continue;
                check.Add($"{field}.{name}[{i}]", $"Write a range as HH:mm-HH:mm, such as 09:00-17:00 (24:00 may end it), not '{texts[i]}'.");
                valid = false;
            }
            hours = hours.With(day, ranges);
        }
        return valid ? hours : null;
    }

    /// <summary>Reads the stored text, which was checked when it was saved; throws when it is not weekly hours.</summary>
    public static WeeklyHours FromJson(string json)
    {
        var days = JsonSerializer.Deserialize<Dictionary<string, string?[]?>>(json)
            ?? throw new JsonException("Expected weekly hours, not null.");
        var check = new Validator();
        return Read(days, "weeklyHours", check)
            ?? throw new JsonException($"The stored weekly hours are not readable: {string.Join(" ", check.ToError().Errors.SelectMany(e => e.Value))}");
    }

    public static string ToJson(WeeklyHours hours) => JsonSerializer.Serialize(ToDays(hours));

    /// <summary>Every day, Monday first, with its ranges as written: what the API returns.</summary>
    public static Dictionary<string, string[]> ToDays(WeeklyHours hours) =>
        WeeklyHours.EveryDay.ToDictionary(NameOf, day => hours.On(day).Select(Format).ToArray());

    /// <summary>"09:00-17:00".</summary>
    public static string Format(OpeningRange range) => $"{Clock(range.StartMinute)}-{Clock(range.EndMinute)}";

    /// <summary>
    /// "09:00-17:00", "9:00 - 17:30" or "13:00-24:00"; each time is hours 0 to 24 and minutes 00 to 59. The start
    /// and end are not compared here: a reversed range parses, and validation says what is wrong with it.
    /// </summary>
    public static bool TryParseRange(string? text, out OpeningRange range)
    {
        range = default;
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || MinuteOf(parts[0]) is not { } start || MinuteOf(parts[1]) is not { } end) return false;
        range = new OpeningRange(start, end);
        return true;
    }

    /// <summary>"17:30" → 1050; null unless it is a time of day from 00:00 to 24:00.</summary>
    public static int? MinuteOf(string? text)
    {
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length != 2 || parts[0].Length is < 1 or > 2 || parts[1].Length != 2) return null;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)) return null;
        if (hour > 24 || minute > 59 || (hour == 24 && minute > 0)) return null;
        return hour * 60 + minute;
    }

    /// <summary>1050 → "17:30"; 1440 → "24:00".</summary>
    public static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";
}
