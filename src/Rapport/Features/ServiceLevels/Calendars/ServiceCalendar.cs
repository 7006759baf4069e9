namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>
/// A stored business-hours calendar: a name people choose it by, and what
/// <see cref="BusinessCalendar"/> needs to count open time. Twenty-four-seven is simply a
/// calendar open 00:00–24:00 every day with no holidays.
/// </summary>
public sealed class ServiceCalendar
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>An IANA time zone id, e.g. Europe/London.</summary>
    public required string TimeZone { get; set; }
    /// <summary>The weekly opening ranges as JSON: {"monday":["09:00-17:00"], …}.</summary>
    public required string WeeklyHours { get; set; }
    public List<CalendarHoliday> Holidays { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class CalendarHoliday
{
    public long Id { get; set; }
    public long CalendarId { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
    public bool RepeatsYearly { get; set; }
}
