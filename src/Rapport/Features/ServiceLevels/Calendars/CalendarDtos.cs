namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>A calendar as the API shows it: its weekly hours in the same form they are posted, and a summary in words.</summary>
public sealed record CalendarDto(
    long Id,
    string Name,
    string TimeZone,
    Dictionary<string, string[]> WeeklyHours,
    List<HolidayDto> Holidays,
    string Summary,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static CalendarDto From(ServiceCalendar calendar)
    {
        var business = calendar.ToBusinessCalendar();
        return new(calendar.Id, calendar.Name, calendar.TimeZone, WeeklyHoursJson.ToDays(business.WeeklyHours),
            [.. business.Holidays.Select(h => new HolidayDto(h.Date, h.Name, h.RepeatsYearly))],
            OpeningHoursText.Summary(business), calendar.CreatedAt, calendar.UpdatedAt);
    }
}

public sealed record HolidayDto(DateOnly Date, string Name, bool RepeatsYearly);

/// <summary>A calendar named from a service or policy.</summary>
public sealed record CalendarRef(long Id, string Name);
