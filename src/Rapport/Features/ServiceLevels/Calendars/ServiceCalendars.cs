using System.Globalization;
using System.Text.Json;

namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>
/// Turns a stored calendar into the <see cref="BusinessCalendar"/> that counts its open time. Weekly hours
/// are stored as JSON, a day name to its ranges: <c>{"monday":["09:00-12:30","13:30-17:00"],"saturday":[]}</c>.
/// </summary>
public static class ServiceCalendars
{
    public static BusinessCalendar ToBusinessCalendar(ServiceCalendar calendar) => new(
        calendar.TimeZone,
        ParseWeeklyHours(calendar.WeeklyHours),
        calendar.Holidays.Select(h => new Holiday(h.Date, h.Name, h.RepeatsYearly)));

    public static WeeklyHours ParseWeeklyHours(string json)
    {
        var days = JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? [];
        var hours = WeeklyHours.Closed;
        foreach (var (name, ranges) in days)
            hours = hours.With(Enum.Parse<DayOfWeek>(name, ignoreCase: true), ranges.Select(ParseRange));
        return hours;
    }

    private static OpeningRange ParseRange(string text)
    {
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        return new OpeningRange(Minutes(parts[0]), Minutes(parts[1]));
    }

    private static int Minutes(string clock)
    {
        var parts = clock.Split(':');
        return int.Parse(parts[0], CultureInfo.InvariantCulture) * 60 + int.Parse(parts[1], CultureInfo.InvariantCulture);
    }
}
