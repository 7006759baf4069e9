using Rapport.Features.ServiceLevels.Calendars;
using static Rapport.Tests.ServiceLevels.CalendarFixtures;

namespace Rapport.Tests.ServiceLevels;

public class BusinessCalendarExamplesTests
{
    private static readonly BusinessCalendar London = Office("Europe/London");

    [Fact]
    public void FridayAfternoonTicket_IsDueOnMonday()
    {
        // Friday 13 June 2025, 15:00 BST; two hours left on Friday, two more from 09:00 BST on Monday.
        var due = London.Add(Utc("2025-06-13T14:00Z"), TimeSpan.FromHours(4));
        Assert.Equal(Utc("2025-06-16T10:00Z"), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void UsingUpADayExactly_EndsAtClosingTime_NotAtTheNextOpening()
    {
        Assert.Equal(Utc("2025-06-13T16:00Z"), London.Add(Utc("2025-06-13T08:00Z"), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void BankHoliday_IsSkipped()
    {
        // Spring bank holiday, Monday 26 May 2025: Friday's last hour, then Tuesday from 09:00 BST.
        var calendar = Office("Europe/London", OneOff("2025-05-26", "Spring bank holiday"));
        Assert.Equal(Utc("2025-05-27T10:00Z"), calendar.Add(Utc("2025-05-23T15:00Z"), TimeSpan.FromHours(3)));
        Assert.False(calendar.IsOpen(Utc("2025-05-26T10:00Z")));
        Assert.Equal(TimeSpan.FromHours(16), calendar.Between(Utc("2025-05-23T00:00Z"), Utc("2025-05-28T00:00Z")));
    }

    [Fact]
    public void YearlyHolidays_CloseEveryYear_OneOffsOnlyTheirOwn()
    {
        // Christmas and Boxing Day entered for 2019, repeating; a one-off closure on 24 Dec 2024 only.
        var calendar = Office("Europe/London", Yearly("2019-12-25", "Christmas"), Yearly("2019-12-26", "Boxing Day"), OneOff("2024-12-24"));
        // Wednesday 24 Dec 2025 16:00 GMT: one hour that day, then Thursday and Friday are closed.
        Assert.Equal(Utc("2025-12-29T10:00Z"), calendar.Add(Utc("2025-12-24T16:00Z"), TimeSpan.FromHours(2)));
        Assert.False(calendar.IsOpen(Utc("2024-12-24T10:00Z")));
        Assert.True(calendar.IsOpen(Utc("2025-12-24T10:00Z")));
        Assert.False(calendar.IsOpen(Utc("2018-12-25T10:00Z")));
    }

    [Fact]
    public void YearlyHolidayOn29February_ClosesLeapYearsOnly()
    {
        var calendar = Office("Europe/London", Yearly("2024-02-29", "Leap day"));
        Assert.False(calendar.IsOpen(Utc("2028-02-29T10:00Z")));   // a Tuesday
        Assert.True(calendar.IsOpen(Utc("2027-03-01T10:00Z")));    // Monday, no 29th that year
        Assert.True(calendar.IsOpen(Utc("2027-02-26T10:00Z")));
    }

    [Fact]
    public void TwoRangesADay_SkipTheLunchBreak()
    {
        var calendar = new BusinessCalendar("Europe/London",
            WeeklyHours.Closed.With(WeeklyHours.MondayToFriday, Range("08:00", "12:00"), Range("13:00", "17:30")));
        // Tuesday 14 January 2025 (GMT): 11:00 + 2 h = 12:00, then 13:00 to 14:00.
        Assert.Equal(Utc("2025-01-14T14:00Z"), calendar.Add(Utc("2025-01-14T11:00Z"), TimeSpan.FromHours(2)));
        Assert.Equal(Utc("2025-01-14T12:00Z"), calendar.Add(Utc("2025-01-14T11:00Z"), TimeSpan.FromHours(1)));
        Assert.Equal(Utc("2025-01-14T13:00Z"), calendar.Add(Utc("2025-01-14T12:30Z"), TimeSpan.Zero));
        Assert.False(calendar.IsOpen(Utc("2025-01-14T12:00Z")));
        Assert.True(calendar.IsOpen(Utc("2025-01-14T13:00Z")));
        Assert.Equal(TimeSpan.FromHours(8.5), calendar.Between(Utc("2025-01-14T00:00Z"), Utc("2025-01-15T00:00Z")));
        Assert.Equal(Utc("2025-01-14T17:30Z"), calendar.Add(Utc("2025-01-14T08:00Z"), TimeSpan.FromHours(8.5)));
    }

    [Theory]
    [InlineData("2025-06-14T09:00Z", 1.0, "2025-06-16T09:00Z")] // Saturday: counting starts at 09:00 BST on Monday
    [InlineData("2025-06-14T09:00Z", 0.0, "2025-06-16T08:00Z")] // zero from a closed time: the next opening
    [InlineData("2025-06-13T16:00Z", 0.0, "2025-06-16T08:00Z")] // Friday at 17:00 BST exactly is already closed
    [InlineData("2025-06-16T05:00Z", 0.5, "2025-06-16T08:30Z")] // Monday before opening
    [InlineData("2025-06-16T11:15Z", 0.0, "2025-06-16T11:15Z")] // zero from an open time: the start itself
    public void StartingInAClosedPeriod_CountsFromTheNextOpening(string start, double hours, string expected)
    {
        Assert.Equal(Utc(expected), London.Add(Utc(start), TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void Between_CountsOnlyOpenTime_AndNothingBackwards()
    {
        Assert.Equal(TimeSpan.FromHours(3 + 1), London.Between(Utc("2025-06-13T13:00Z"), Utc("2025-06-16T09:00Z")));
        Assert.Equal(TimeSpan.Zero, London.Between(Utc("2025-06-16T09:00Z"), Utc("2025-06-13T13:00Z")));
        Assert.Equal(TimeSpan.FromHours(40), London.Between(Utc("2025-06-16T00:00Z"), Utc("2025-06-23T00:00Z")));
    }

    [Fact]
    public void InstantsWithAnOffset_MeanTheSameMoment_AndComeBackInUtc()
    {
        var start = DateTimeOffset.Parse("2025-06-13T15:00+01:00", System.Globalization.CultureInfo.InvariantCulture);
        var due = London.Add(start, TimeSpan.FromHours(4));
        Assert.Equal(Utc("2025-06-16T10:00Z"), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void TwentyFourSeven_IsPlainArithmetic()
    {
        var start = Utc("2025-03-30T00:30Z");
        Assert.Equal(start.AddHours(50), BusinessCalendar.TwentyFourSeven.Add(start, TimeSpan.FromHours(50)));
        Assert.Equal(TimeSpan.FromHours(50), BusinessCalendar.TwentyFourSeven.Between(start, start.AddHours(50)));
        Assert.True(BusinessCalendar.TwentyFourSeven.IsOpen(start));
    }

    [Fact]
    public void NegativeBusinessTime_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => London.Add(Utc("2025-06-13T14:00Z"), TimeSpan.FromMinutes(-1)));
    }
}
