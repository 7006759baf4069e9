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

    /// <summary>A service or policy without a calendar counts around the clock.</summary>
    public static BusinessCalendar ToBusinessCalendarOrAlwaysOpen(this ServiceCalendar? calendar) =>
        calendar?.ToBusinessCalendar() ?? BusinessCalendar.TwentyFourSeven;
}
