using Rapport.Features.ServiceLevels.Calendars;
using static Rapport.Tests.ServiceLevels.CalendarFixtures;

namespace Rapport.Tests.ServiceLevels;

/// <summary>
/// The 2025 transitions: Europe/London springs forward on Sunday 30 March at 01:00Z (01:00 GMT → 02:00 BST)
/// and falls back on Sunday 26 October at 01:00Z (02:00 BST → 01:00 GMT); America/New_York on Sunday 9 March at
/// 07:00Z (02:00 EST → 03:00 EDT) and Sunday 2 November at 06:00Z (02:00 EDT → 01:00 EST).
/// </summary>
public class DaylightSavingTests
{
    [Theory]
    [InlineData("Europe/London", "2025-03-29T12:00Z", "2025-03-30T00:00Z", 23, "2025-03-30T23:00Z")]
    [InlineData("Europe/London", "2025-10-25T12:00Z", "2025-10-25T23:00Z", 25, "2025-10-27T00:00Z")]
    [InlineData("America/New_York", "2025-03-08T12:00Z", "2025-03-09T05:00Z", 23, "2025-03-10T04:00Z")]
    [InlineData("America/New_York", "2025-11-01T12:00Z", "2025-11-02T04:00Z", 25, "2025-11-03T05:00Z")]
    public void ADayOpenFromMidnightToMidnight_LastsItsRealLength(
        string zone, string saturdayNoon, string opens, int hours, string closes)
    {
        var sundays = AllDayOn(zone, DayOfWeek.Sunday);
        var saturday = Utc(saturdayNoon);
        Assert.Equal(TimeSpan.FromHours(hours), sundays.Between(saturday, saturday.AddDays(2)));
        Assert.Equal(Utc(opens), sundays.Add(saturday, TimeSpan.Zero));
        Assert.Equal(Utc(closes), sundays.Add(saturday, TimeSpan.FromHours(hours)));
        Assert.False(sundays.IsOpen(Utc(closes)));
        Assert.True(sundays.IsOpen(Utc(closes).AddTicks(-1)));
    }

    [Theory]
    [InlineData("Europe/London", "2025-03-28T16:00Z", "2025-03-31T10:00Z")] // Fri 16:00 GMT → Mon 11:00 BST
    [InlineData("Europe/London", "2025-10-24T15:00Z", "2025-10-27T11:00Z")] // Fri 16:00 BST → Mon 11:00 GMT
    [InlineData("America/New_York", "2025-03-07T21:00Z", "2025-03-10T15:00Z")] // Fri 16:00 EST → Mon 11:00 EDT
    [InlineData("America/New_York", "2025-10-31T20:00Z", "2025-11-03T16:00Z")] // Fri 16:00 EDT → Mon 11:00 EST
    public void OfficeHours_OverATransitionWeekend_FollowTheWallClock(string zone, string fridayFourPm, string mondayElevenAm)
    {
        var office = Office(zone);
        Assert.Equal(Utc(mondayElevenAm), office.Add(Utc(fridayFourPm), TimeSpan.FromHours(3)));
        Assert.Equal(TimeSpan.FromHours(3), office.Between(Utc(fridayFourPm), Utc(mondayElevenAm)));
    }

    [Theory]
    // A start in the gap opens as the clocks jump.
    [InlineData("Europe/London", "01:30", "03:00", "2025-03-29T12:00Z", "2025-03-30T01:00Z", 1.0)]
    [InlineData("America/New_York", "02:30", "04:00", "2025-03-08T12:00Z", "2025-03-09T07:00Z", 1.0)]
    // An end in the gap closes as the clocks jump.
    [InlineData("Europe/London", "00:00", "01:30", "2025-03-29T12:00Z", "2025-03-30T00:00Z", 1.0)]
    // A start in the repeated hour opens at its first occurrence and stays open through the repeat.
    [InlineData("Europe/London", "01:30", "03:00", "2025-10-25T12:00Z", "2025-10-26T00:30Z", 2.5)]
    [InlineData("America/New_York", "01:30", "02:30", "2025-11-01T12:00Z", "2025-11-02T05:30Z", 2.0)]
    // An end in the repeated hour closes at its first occurrence.
    [InlineData("Europe/London", "00:00", "01:30", "2025-10-25T12:00Z", "2025-10-25T23:00Z", 1.5)]
    public void BoundariesInAGapOrAnOverlap_AreResolvedLenientlyAndEarly(
        string zone, string start, string end, string saturdayNoon, string opens, double hours)
    {
        var calendar = new BusinessCalendar(zone, WeeklyHours.Closed.With(DayOfWeek.Sunday, Range(start, end)));
        var saturday = Utc(saturdayNoon);
        Assert.Equal(Utc(opens), calendar.Add(saturday, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromHours(hours), calendar.Between(saturday, saturday.AddDays(2)));
        Assert.Equal(Utc(opens).AddHours(hours), calendar.Add(saturday, TimeSpan.FromHours(hours)));
        Assert.False(calendar.IsOpen(Utc(opens).AddTicks(-1)));
    }

    [Fact]
    public void AfterTheRepeatedHour_ARangeEndingInItIsClosed_EvenWhenTheWallClockShowsAnEarlierTime()
    {
        // 01:10 GMT on 26 October is the second 01:10 of the night: the range ended at the first 01:30.
        var calendar = new BusinessCalendar("Europe/London", WeeklyHours.Closed.With(DayOfWeek.Sunday, Range("00:00", "01:30")));
        Assert.False(calendar.IsOpen(Utc("2025-10-26T01:10Z")));
        Assert.True(calendar.IsOpen(Utc("2025-10-26T00:10Z")));
    }

    [Fact]
    public void ARangeWhollyInsideTheGap_DoesNotOpenThatDay()
    {
        var calendar = new BusinessCalendar("Europe/London", WeeklyHours.Closed.With(DayOfWeek.Sunday, Range("01:15", "01:45")));
        Assert.Equal(TimeSpan.Zero, calendar.Between(Utc("2025-03-29T12:00Z"), Utc("2025-03-31T12:00Z")));
        // The next Sunday, 6 April, opens at 01:15 BST.
        Assert.Equal(Utc("2025-04-06T00:25Z"), calendar.Add(Utc("2025-03-29T12:00Z"), TimeSpan.FromMinutes(10)));
    }
}
