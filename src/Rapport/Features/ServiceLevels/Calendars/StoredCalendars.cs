namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>From the stored calendar to the one that counts business time.</summary>
public static class StoredCalendars
{
    /// <summary>
    /// The calendar's arithmetic. Load <see cref="ServiceCalendar.Holidays"/> with it
    /// (<c>db.Calendars.Include(c => c.Holidays)</c>): without them every holiday would count as open.
    /// </summary>
    public static BusinessCalendar ToBusinessCalendar(this ServiceCalendar calendar) => new(
        calendar.TimeZone,
        WeeklyHoursJson.FromJson(calendar.WeeklyHours),
        calendar.Holidays.OrderBy(h => h.Date).Select(h => new Holiday(h.Date, h.Name, h.RepeatsYearly)));

    /// <summary>
    /// The calendar, or null when its stored hours cannot be read or it is not valid: for code that must keep
    /// working on a calendar saved before a rule changed (deadlines, running clocks) and falls back instead.
    /// </summary>
    public static BusinessCalendar? TryToBusinessCalendar(this ServiceCalendar calendar)
    {
        try
        {
            var converted = calendar.ToBusinessCalendar();
            return converted.Validate(new Infrastructure.Problems.Validator()).IsValid ? converted : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>A service or policy without a calendar counts around the clock.</summary>
    public static BusinessCalendar ToBusinessCalendarOrAlwaysOpen(this ServiceCalendar? calendar) =>
        calendar?.ToBusinessCalendar() ?? BusinessCalendar.TwentyFourSeven;
}
