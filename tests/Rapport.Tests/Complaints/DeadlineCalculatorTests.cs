using Rapport.Features.Complaints.Deadlines;
using Rapport.Features.ServiceLevels.Calendars;
using static Rapport.Tests.ServiceLevels.CalendarFixtures;

namespace Rapport.Tests.Complaints;

/// <summary>Worked examples; expected instants are in UTC, worked out by hand (London is UTC+1 from 29 March 2026).</summary>
public class DeadlineCalculatorTests
{
    private static readonly BusinessCalendar London = Office("Europe/London",
        OneOff("2026-04-03", "Good Friday"), OneOff("2026-04-06", "Easter Monday"), Yearly("2026-12-25", "Christmas Day"));

    [Theory]
    [InlineData("2026-03-02T15:00:00Z", 1, "2026-03-04T00:00:00Z")] // Monday: the close of Tuesday
    [InlineData("2026-03-06T10:00:00Z", 1, "2026-03-10T00:00:00Z")] // Friday: the close of Monday
    [InlineData("2026-03-07T10:00:00Z", 1, "2026-03-10T00:00:00Z")] // Saturday: the close of Monday
    [InlineData("2026-03-04T23:59:00Z", 3, "2026-03-10T00:00:00Z")] // Wednesday night: Thursday, Friday, Monday
    public void BusinessDays_WithoutACalendar_CountMondayToFridayInUtc(string received, int days, string due)
    {
        Assert.Equal(Utc(due), DeadlineCalculator.DueAt(Utc(received), days, DeadlineUnit.BusinessDays, null));
    }

    [Theory]
    [InlineData("2026-03-02T10:00:00Z", 1, "2026-03-03T17:00:00Z")] // Monday: Tuesday at 17:00 (GMT)
    [InlineData("2026-03-06T18:30:00Z", 1, "2026-03-09T17:00:00Z")] // Friday after closing: Monday's close
    [InlineData("2026-03-27T12:00:00Z", 1, "2026-03-30T16:00:00Z")] // over the clock change: Monday 17:00 BST
    [InlineData("2026-04-02T09:00:00Z", 1, "2026-04-07T16:00:00Z")] // Thursday before Easter: Friday and Monday are holidays
    [InlineData("2026-04-01T09:00:00Z", 2, "2026-04-07T16:00:00Z")] // Wednesday: Thursday, then Tuesday after Easter
    [InlineData("2026-12-24T10:00:00Z", 1, "2026-12-28T17:00:00Z")] // Christmas Eve: Christmas Day is a yearly holiday
    public void BusinessDays_WithACalendar_SkipWeekendsAndHolidaysAndEndAtClosing(string received, int days, string due)
    {
        Assert.Equal(Utc(due), DeadlineCalculator.DueAt(Utc(received), days, DeadlineUnit.BusinessDays, London));
    }

    [Fact]
    public void BusinessDays_EndAtTheLastRangeOfTheDay_WhenADayHasALunchBreak()
    {
        var lunch = new BusinessCalendar("UTC", WeeklyHours.Closed.With(WeeklyHours.MondayToFriday, Range("08:00", "12:00"), Range("13:00", "17:30")));
        Assert.Equal(Utc("2026-03-03T17:30:00Z"), DeadlineCalculator.DueAt(Utc("2026-03-02T09:00:00Z"), 1, DeadlineUnit.BusinessDays, lunch));
    }

    [Fact]
    public void Weeks_WithoutACalendar_AreWholeWeeksOfElapsedTime()
    {
        Assert.Equal(Utc("2026-04-27T10:00:00Z"), DeadlineCalculator.DueAt(Utc("2026-03-02T10:00:00Z"), 8, DeadlineUnit.Weeks, null));
    }

    [Fact]
    public void Weeks_WithACalendar_KeepTheLocalTimeOverTheClockChange()
    {
        // Received 10:00 GMT; eight weeks later is 10:00 BST.
        Assert.Equal(Utc("2026-04-27T09:00:00Z"), DeadlineCalculator.DueAt(Utc("2026-03-02T10:00:00Z"), 8, DeadlineUnit.Weeks, London));
    }

    [Fact]
    public void CalendarDays_CountEveryDay_EvenWhenTheLastIsAHoliday()
    {
        Assert.Equal(Utc("2026-04-03T09:00:00Z"), DeadlineCalculator.DueAt(Utc("2026-03-20T09:00:00Z"), 14, DeadlineUnit.CalendarDays, null));
        Assert.Equal(Utc("2026-04-06T11:00:00Z"), DeadlineCalculator.DueAt(Utc("2026-03-23T12:00:00Z"), 14, DeadlineUnit.CalendarDays, London));
    }

    [Fact]
    public void ZeroOrLess_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineCalculator.DueAt(Utc("2026-03-02T10:00:00Z"), 0, DeadlineUnit.BusinessDays, null));
    }

    [Fact]
    public void ACalendarNotOpenOftenEnough_FailsClearlyInsteadOfLooping()
    {
        var mondays = AllDayOn("UTC", DayOfWeek.Monday);
        var error = Assert.Throws<InvalidOperationException>(() => DeadlineCalculator.DueAt(Utc("2026-03-02T10:00:00Z"), 2000, DeadlineUnit.BusinessDays, mondays));
        Assert.Contains("not open on 2000 days", error.Message);
    }
}
