using Rapport.Features.ServiceLevels.Calendars;
using static Rapport.Tests.ServiceLevels.CalendarFixtures;

namespace Rapport.Tests.ServiceLevels;

public class BusinessCalendarLimitTests
{
    // Open one hour a week, and closed by a holiday on each of the next thousand Saturdays (over 19 years).
    private static readonly BusinessCalendar AlmostNeverOpen = new("Europe/London",
        WeeklyHours.Closed.With(DayOfWeek.Saturday, Range("10:00", "11:00")),
        Enumerable.Range(0, 1000).Select(week => new Holiday(new DateOnly(2025, 6, 14).AddDays(7 * week), "Closed")));

    [Fact]
    public void OpenTimeFarAway_IsStillFound()
    {
        var due = AlmostNeverOpen.Add(Utc("2025-06-13T12:00Z"), TimeSpan.FromMinutes(30));
        // The first Saturday after the holidays: 14 June 2025 + 1000 weeks = 13 August 2044, 10:00 BST.
        Assert.Equal(Utc("2044-08-13T09:30Z"), due);
    }

    [Fact]
    public void NotEnoughOpenTimeWithinTwentyYears_IsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AlmostNeverOpen.Add(Utc("2025-06-13T12:00Z"), TimeSpan.FromHours(60)));
        Assert.Contains("20 years", error.Message);
        Assert.Throws<InvalidOperationException>(() => BusinessCalendar.TwentyFourSeven.Add(Utc("2025-01-01T00:00Z"), TimeSpan.FromDays(21 * 365)));
    }
}
