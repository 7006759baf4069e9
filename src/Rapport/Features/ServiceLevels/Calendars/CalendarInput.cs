using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>A day the calendar is closed, as posted: <c>{"date": "2025-12-25", "name": "Christmas Day", "repeatsYearly": true}</c>.</summary>
public sealed record HolidayInput(DateOnly? Date, string? Name, bool? RepeatsYearly);

/// <summary>weeklyHours maps lower-case day names to "HH:mm-HH:mm" ranges (see <see cref="WeeklyHoursJson"/>).</summary>
public sealed record CreateCalendarRequest(string? Name, string? TimeZone, Dictionary<string, string?[]?>? WeeklyHours, HolidayInput?[]? Holidays);

/// <summary>A partial update: only the fields present change; weekly hours and holidays, when sent, replace what was there.</summary>
public sealed record UpdateCalendarRequest(
    Optional<string> Name,
    Optional<string> TimeZone,
    Optional<Dictionary<string, string?[]?>> WeeklyHours,
    Optional<HolidayInput?[]> Holidays);

/// <summary>The checks that creating and changing a calendar share.</summary>
internal static class CalendarInput
{
    public const int NameLength = 100;
    public const int MaxCalendars = 100;

    public static readonly ValidationError NameTaken = ValidationError.For("name", "A calendar with this name already exists.");

    /// <summary>
    /// The calendar when everything about it is right, else null with every problem reported. Weekly hours that
    /// could not be read (null) are not checked further, so their problems are not told twice.
    /// </summary>
    public static BusinessCalendar? Check(string? timeZone, WeeklyHours? hours, IReadOnlyList<Holiday>? holidays, Validator check)
    {
        var calendar = new BusinessCalendar(timeZone?.Trim() ?? "", hours ?? BusinessCalendar.TwentyFourSeven.WeeklyHours, holidays ?? []);
        calendar.Validate(check);
        return check.IsValid ? calendar : null;
    }

    /// <summary>The posted holidays, or null when one lacks its date (the rest are checked with the calendar).</summary>
    public static List<Holiday>? Holidays(IReadOnlyList<HolidayInput?>? inputs, Validator check)
    {
        var holidays = new List<Holiday>();
        for (var i = 0; i < (inputs?.Count ?? 0); i++)
        {
            switch (inputs![i])
            {
                case null:
                    check.Add($"holidays[{i}]", "Give a holiday as {\"date\": \"2025-12-25\", \"name\": \"Christmas Day\"}.");
                    break;
                case { Date: null }:
                    check.Add($"holidays[{i}].date", "This field is required.");
                    break;
                case { Date: { } date } holiday:
                    holidays.Add(new Holiday(date, holiday.Name?.Trim() ?? "", holiday.RepeatsYearly ?? false));
                    break;
            }
        }
        return holidays.Count == (inputs?.Count ?? 0) ? holidays : null;
    }

    public static List<Holiday> Stored(ServiceCalendar calendar) =>
        [.. calendar.Holidays.OrderBy(h => h.Date).Select(h => new Holiday(h.Date, h.Name, h.RepeatsYearly))];

    /// <summary>"2025-12-25 Christmas Day, yearly": how the audit trail lists holidays.</summary>
    public static List<string> Describe(IEnumerable<Holiday> holidays) =>
        [.. holidays.Select(h => $"{h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {h.Name}{(h.RepeatsYearly ? ", yearly" : "")}")];

    public static async Task CheckNameAsync(RapportDbContext db, string name, long? exceptId, Validator check, CancellationToken ct)
    {
        var upper = name.Trim().ToUpperInvariant();
        if (await db.Calendars.AnyAsync(c => c.Name.ToUpper() == upper && c.Id != exceptId, ct)) check.Add("name", NameTaken.Errors["name"][0]);
    }

    /// <summary>For a service or policy that names a calendar: it must exist. Null (around the clock) is always fine.</summary>
    public static async Task CheckExistsAsync(RapportDbContext db, long? id, Validator check, CancellationToken ct)
    {
        if (id is { } calendarId && !await db.Calendars.AnyAsync(c => c.Id == calendarId, ct))
            check.Add("calendarId", $"No calendar has id {calendarId}.");
    }
}
