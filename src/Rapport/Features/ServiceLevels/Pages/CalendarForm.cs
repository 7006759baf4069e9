using System.Globalization;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;
using Rapport.Web.Forms;

namespace Rapport.Features.ServiceLevels.Pages;

/// <summary>
/// What the calendar form posts: seven days of opening ranges and a list of holidays, rows that the page adds and
/// removes with submit buttons (<see cref="Command"/>), so it works without JavaScript. Empty rows are dropped
/// before saving, so the rows left are the request's rows and problems name them by the same paths.
/// </summary>
public sealed class CalendarForm
{
    public string? Name { get; set; }
    public string? TimeZone { get; set; }
    /// <summary>Monday first, as <see cref="WeeklyHours.EveryDay"/>.</summary>
    public List<DayForm> Days { get; set; } = [];
    public List<HolidayForm> Holidays { get; set; } = [];
    /// <summary>The button pressed: save (or none, for Enter), add-range:monday, remove-range:monday:1, add-holiday, remove-holiday:2.</summary>
    public string? Command { get; set; }

    public static CalendarForm New() => new()
    {
        TimeZone = "Europe/London",
        Days = [.. WeeklyHours.EveryDay.Select(day => new DayForm
        {
            Day = WeeklyHoursJson.NameOf(day),
            Ranges = WeeklyHours.MondayToFriday.Contains(day) ? [new RangeForm { Start = "09:00", End = "17:00" }] : [],
        })],
    };

    public static CalendarForm From(CalendarDto calendar) => new()
    {
        Name = calendar.Name,
        TimeZone = calendar.TimeZone,
        Days = [.. WeeklyHours.EveryDay.Select(day => new DayForm
        {
            Day = WeeklyHoursJson.NameOf(day),
            Ranges = [.. calendar.WeeklyHours[WeeklyHoursJson.NameOf(day)].Select(RangeForm.From)],
        })],
        Holidays = [.. calendar.Holidays.Select(h => new HolidayForm
        {
            Date = h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Name = h.Name, RepeatsYearly = h.RepeatsYearly,
        })],
    };

    public bool IsSave => Command is null or "save";

    /// <summary>Adds or removes the row the command names; false for a save.</summary>
    public bool ApplyCommand()
    {
        var parts = (Command ?? "").Split(':');
        switch (parts)
        {
            case ["add-range", var day]:
                DayNamed(day)?.Ranges.Add(new RangeForm());
                return true;
            case ["remove-range", var day, var row] when DayNamed(day) is { } named && Index(row, named.Ranges.Count) is { } i:
                named.Ranges.RemoveAt(i);
                return true;
            case ["add-holiday"]:
                Holidays.Add(new HolidayForm());
                return true;
            case ["remove-holiday", var row] when Index(row, Holidays.Count) is { } i:
                Holidays.RemoveAt(i);
                return true;
            default:
                return !IsSave;
        }
    }

    /// <summary>Drops rows left empty, so the rows shown after a refused save are the rows the problems name.</summary>
    public void DropEmptyRows()
    {
        foreach (var day in Days) day.Ranges.RemoveAll(r => string.IsNullOrWhiteSpace(r.Start) && string.IsNullOrWhiteSpace(r.End));
        Holidays.RemoveAll(h => string.IsNullOrWhiteSpace(h.Date) && string.IsNullOrWhiteSpace(h.Name));
    }

    public CreateCalendarRequest ToCreate(Validator check) => new(Name, TimeZone, WeeklyHoursInput(), HolidayInputs(check));

    /// <summary>Every field is sent: the use case audits only what changed.</summary>
    public UpdateCalendarRequest ToUpdate(Validator check) => new(
        Optional<string>.Of(Name), Optional<string>.Of(TimeZone),
        Optional<Dictionary<string, string?[]?>>.Of(WeeklyHoursInput()), Optional<HolidayInput?[]>.Of(HolidayInputs(check)));

    private Dictionary<string, string?[]?> WeeklyHoursInput() => WeeklyHours.EveryDay.Select((day, i) => (day, i))
        .ToDictionary(d => WeeklyHoursJson.NameOf(d.day), d => (string?[]?)[.. Days[d.i].Ranges.Select(r => $"{r.Start?.Trim()}-{r.End?.Trim()}")]);

    private HolidayInput?[] HolidayInputs(Validator check) => [.. Holidays.Select((h, i) =>
    {
        DateOnly? date = DateOnly.TryParseExact(h.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        if (date is null && !string.IsNullOrWhiteSpace(h.Date)) check.Add($"holidays[{i}].date", "Give a date such as 2025-12-25.");
        return (HolidayInput?)new HolidayInput(date, h.Name, h.RepeatsYearly);
    })];

    /// <summary>
    /// Puts a posted form in shape to show: seven days, Monday first, and lists where the form binder left none
    /// (it leaves a list null when no row of it was posted).
    /// </summary>
    public void Complete()
    {
        Days ??= [];
        Holidays ??= [];
        Days.RemoveAll(d => d is null);
        foreach (var day in Days) day.Ranges ??= [];
        while (Days.Count < WeeklyHours.EveryDay.Count) Days.Add(new DayForm());
        if (Days.Count > WeeklyHours.EveryDay.Count) Days.RemoveRange(WeeklyHours.EveryDay.Count, Days.Count - WeeklyHours.EveryDay.Count);
        for (var i = 0; i < Days.Count; i++) Days[i].Day = WeeklyHoursJson.NameOf(WeeklyHours.EveryDay[i]);
    }

    private DayForm? DayNamed(string name)
    {
        var index = WeeklyHours.EveryDay.Select(WeeklyHoursJson.NameOf).ToList().IndexOf(name);
        return index < 0 ? null : Days[index];
    }

    private static int? Index(string text, int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < count ? i : null;
}

public sealed class DayForm
{
    /// <summary>Posted from a hidden input, so a closed day (no rows) still holds its place in the list.</summary>
    public string? Day { get; set; }
    public List<RangeForm> Ranges { get; set; } = [];
}

public sealed class RangeForm
{
    public string? Start { get; set; }
    public string? End { get; set; }

    public static RangeForm From(string text)
    {
        var parts = text.Split('-');
        return new RangeForm { Start = parts[0], End = parts.Length > 1 ? parts[1] : "" };
    }
}

public sealed class HolidayForm
{
    public string? Date { get; set; }
    public string? Name { get; set; }
    public bool RepeatsYearly { get; set; }
}

/// <summary>How the calendar form names its parts, in labels and in the error summary.</summary>
public static class CalendarWords
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["name"] = "name", ["timeZone"] = "time zone", ["weeklyHours"] = "", ["start"] = "opens", ["end"] = "closes",
        ["holidays"] = "", ["holidays[]"] = "holiday", ["date"] = "date",
    };

    static CalendarWords()
    {
        foreach (var day in WeeklyHours.EveryDay)
        {
            Words[WeeklyHoursJson.NameOf(day)] = day.ToString();
            Words[WeeklyHoursJson.NameOf(day) + "[]"] = "range";
        }
    }

    /// <summary>"monday" → "Monday".</summary>
    public static string Day(string name) => Words.GetValueOrDefault(name, name);

    /// <summary>"weeklyHours.monday[1].end" → "Monday, range 2, closes"; "weeklyHours" → "Weekly hours".</summary>
    public static string Label(string path) => path == "weeklyHours" ? "Weekly hours" : FormPaths.Label(path, Words);
}
