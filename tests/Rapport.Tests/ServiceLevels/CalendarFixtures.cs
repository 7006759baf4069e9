using System.Globalization;
using Rapport.Features.ServiceLevels.Calendars;

namespace Rapport.Tests.ServiceLevels;

/// <summary>Readable calendars and instants for worked examples. Expected instants are written in UTC on purpose,
/// worked out by hand from the zone's published rules, so the tests do not lean on the code's own zone handling.</summary>
internal static class CalendarFixtures
{
    /// <summary>"09:00", "17:30" or "24:00" to an opening range.</summary>
    public static OpeningRange Range(string start, string end) => new(Minutes(start), Minutes(end));

    public static BusinessCalendar Office(string zone, params IEnumerable<Holiday> holidays) =>
        new(zone, WeeklyHours.Closed.With(WeeklyHours.MondayToFriday, Range("09:00", "17:00")), holidays);

    /// <summary>Open all day on the given days only, so one test can look at one (daylight-saving) day.</summary>
    public static BusinessCalendar AllDayOn(string zone, params IEnumerable<DayOfWeek> days) =>
        new(zone, WeeklyHours.Closed.With(days, Range("00:00", "24:00")));

    public static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

    public static Holiday OneOff(string date, string name = "Closed") => new(DateOnly.Parse(date, CultureInfo.InvariantCulture), name);

    public static Holiday Yearly(string date, string name = "Closed") => new(DateOnly.Parse(date, CultureInfo.InvariantCulture), name, RepeatsYearly: true);

    private static int Minutes(string hhmm) =>
        int.Parse(hhmm[..2], CultureInfo.InvariantCulture) * 60 + int.Parse(hhmm[3..], CultureInfo.InvariantCulture);
}
