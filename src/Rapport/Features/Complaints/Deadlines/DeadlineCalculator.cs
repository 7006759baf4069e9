using NodaTime;
using Rapport.Features.ServiceLevels.Calendars;

namespace Rapport.Features.Complaints.Deadlines;

/// <summary>
/// When a deadline falls, counted from the moment something was received. Pure: no database, no clock.
/// <list type="bullet">
/// <item><b>Business days</b> end at the close of business on the Nth business day after the day of receipt
/// (received Monday 15:00, one business day: Tuesday's close). A business day is a local date on which the
/// calendar is open at all, so weekends and holidays do not count; what is left of the day of receipt does
/// not count either. Without a calendar, Monday to Friday in UTC, closing at midnight.</item>
/// <item><b>Calendar days</b> and <b>weeks</b> end at the same local time N days (7N days) later, in the
/// calendar's time zone (UTC without one), whether or not that day is a business day.</item>
/// </list>
/// </summary>
public static class DeadlineCalculator
{
    /// <summary>Monday to Friday, all day, in UTC: business days for a rule without a calendar.</summary>
    public static readonly BusinessCalendar WorkingWeek =
        new("UTC", WeeklyHours.Closed.With(WeeklyHours.MondayToFriday, new OpeningRange(0, OpeningRange.MinutesPerDay)));

    // As far as BusinessCalendar looks ahead: a calendar that is not open often enough fails instead of looping.
    private static readonly int MaxDaysSearched = (int)BusinessCalendar.SearchLimit.TotalDays;

    /// <exception cref="InvalidOperationException">The calendar is invalid, or not open on enough days within 20 years.</exception>
    public static DateTimeOffset DueAt(DateTimeOffset receivedAt, int amount, DeadlineUnit unit, BusinessCalendar? calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        return unit switch
        {
            DeadlineUnit.BusinessDays => CloseOfBusinessDay(receivedAt, amount, calendar ?? WorkingWeek),
            DeadlineUnit.CalendarDays => SameLocalTimeLater(receivedAt, amount, calendar),
            DeadlineUnit.Weeks => SameLocalTimeLater(receivedAt, amount * 7, calendar),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
        };
    }

    private static DateTimeOffset CloseOfBusinessDay(DateTimeOffset receivedAt, int days, BusinessCalendar calendar)
    {
        var zone = Zone(calendar);
        var date = Instant.FromDateTimeOffset(receivedAt).InZone(zone).Date;
        for (int searched = 0, counted = 0; searched < MaxDaysSearched; searched++)
        {
            date = date.PlusDays(1);
            var start = date.AtStartOfDayInZone(zone).ToDateTimeOffset();
            var open = calendar.Between(start, date.PlusDays(1).AtStartOfDayInZone(zone).ToDateTimeOffset());
            if (open <= TimeSpan.Zero) continue;
            // Using up the whole day's open time lands on the end of its last range: the close of business.
            if (++counted == days) return calendar.Add(start, open);
        }
        throw new InvalidOperationException(
            $"The calendar is not open on {days} days within {MaxDaysSearched} days after {receivedAt:O}: check its weekly hours and holidays.");
    }

    private static DateTimeOffset SameLocalTimeLater(DateTimeOffset receivedAt, int days, BusinessCalendar? calendar)
    {
        var zone = calendar is null ? DateTimeZone.Utc : Zone(calendar);
        var local = Instant.FromDateTimeOffset(receivedAt).InZone(zone).LocalDateTime.PlusDays(days);
        // A local time in a spring-forward gap moves on by the gap; in an autumn overlap it is the earlier one.
        return zone.AtLeniently(local).ToInstant().ToDateTimeOffset();
    }

    private static DateTimeZone Zone(BusinessCalendar calendar) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(calendar.TimeZone)
        ?? throw new InvalidOperationException($"'{calendar.TimeZone}' is not an IANA time zone.");
}
