using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Infrastructure.Problems;
using static Rapport.Tests.ServiceLevels.CalendarFixtures;

namespace Rapport.Tests.ServiceLevels;

public class BusinessCalendarValidationTests
{
    private static readonly WeeklyHours NineToFive = WeeklyHours.Closed.With(WeeklyHours.MondayToFriday, Range("09:00", "17:00"));

    private static IReadOnlyDictionary<string, string[]> ProblemsOf(BusinessCalendar calendar) =>
        calendar.Validate(new Validator()).ToError().Errors;

    private static IReadOnlyDictionary<string, string[]> ProblemsOf(WeeklyHours hours) =>
        ProblemsOf(new BusinessCalendar("Europe/London", hours));

    [Fact]
    public void ASensibleCalendar_AndTwentyFourSeven_AreValid()
    {
        var calendar = new BusinessCalendar("Australia/Lord_Howe",
            NineToFive.With(DayOfWeek.Saturday, Range("08:00", "12:00"), Range("12:00", "24:00")),
            [Yearly("2020-12-25", "Christmas"), OneOff("2025-01-27", "Australia Day (observed)")]);
        Assert.Empty(ProblemsOf(calendar));
        Assert.Empty(ProblemsOf(BusinessCalendar.TwentyFourSeven));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("europe/london")]
    [InlineData("")]
    public void UnknownTimeZone_IsNamed(string zone)
    {
        Assert.Equal(["timeZone"], ProblemsOf(new BusinessCalendar(zone, NineToFive)).Keys);
    }

    [Fact]
    public void StartNotBeforeEnd_IsReportedOnTheEnd()
    {
        var problems = ProblemsOf(NineToFive.With(DayOfWeek.Monday, Range("09:00", "12:00"), Range("14:00", "14:00")));
        Assert.Equal(["weeklyHours.monday[1].end"], problems.Keys);
        Assert.Equal(["weeklyHours.tuesday[0].end"], ProblemsOf(NineToFive.With(DayOfWeek.Tuesday, Range("17:00", "09:00"))).Keys);
    }

    [Fact]
    public void MinutesOutsideTheDay_AreReportedOnTheirBoundary()
    {
        var problems = ProblemsOf(NineToFive.With(DayOfWeek.Wednesday, new OpeningRange(540, 600), new OpeningRange(-10, 1441)));
        Assert.Equal(["weeklyHours.wednesday[1].end", "weeklyHours.wednesday[1].start"], problems.Keys.Order());
    }

    [Fact]
    public void OverlappingRanges_AreReportedOnTheLaterStart_InAnyOrder()
    {
        Assert.Equal(["weeklyHours.monday[1].start"],
            ProblemsOf(NineToFive.With(DayOfWeek.Monday, Range("08:00", "12:00"), Range("11:00", "13:00"))).Keys);
        Assert.Equal(["weeklyHours.friday[0].start"],
            ProblemsOf(NineToFive.With(DayOfWeek.Friday, Range("13:00", "17:00"), Range("08:00", "14:00"))).Keys);
        // Ranges inside a long one overlap it even when they do not overlap each other.
        Assert.Equal(["weeklyHours.sunday[1].start", "weeklyHours.sunday[2].start"],
            ProblemsOf(NineToFive.With(DayOfWeek.Sunday, Range("08:00", "18:00"), Range("09:00", "10:00"), Range("11:00", "12:00"))).Keys.Order());
    }

    [Fact]
    public void RangesThatTouch_DoNotOverlap()
    {
        Assert.Empty(ProblemsOf(NineToFive.With(DayOfWeek.Monday, Range("12:00", "13:00"), Range("08:00", "12:00"))));
    }

    [Fact]
    public void AWeekWithNoOpenTime_IsReportedOnTheWeek()
    {
        Assert.Equal(["weeklyHours"], ProblemsOf(WeeklyHours.Closed).Keys);
        var onlyBroken = ProblemsOf(WeeklyHours.Closed.With(DayOfWeek.Thursday, Range("10:00", "09:00")));
        Assert.Equal(["weeklyHours", "weeklyHours.thursday[0].end"], onlyBroken.Keys.Order());
    }

    [Fact]
    public void Holidays_NeedANameAndTheirOwnDay()
    {
        var calendar = new BusinessCalendar("Europe/London", NineToFive,
            [OneOff("2025-12-25", " "), Yearly("2019-12-25", "Christmas"), OneOff("2025-05-26", "Bank holiday"), OneOff("2025-05-26", "Again")]);
        var problems = ProblemsOf(calendar);
        Assert.Equal(["holidays[0].name", "holidays[1].date", "holidays[3].date"], problems.Keys.Order());
        Assert.Contains("holidays[0]", problems["holidays[1].date"].Single());
    }

    [Fact]
    public void AThousandHolidays_IsTheMost()
    {
        var days = Enumerable.Range(0, 1001).Select(i => new Holiday(new DateOnly(2025, 1, 1).AddDays(i), "Closed")).ToList();
        Assert.Empty(ProblemsOf(new BusinessCalendar("Europe/London", NineToFive, days.Take(1000))));
        Assert.Equal(["holidays"], ProblemsOf(new BusinessCalendar("Europe/London", NineToFive, days)).Keys);
    }

    [Fact]
    public void ArithmeticOnAnInvalidCalendar_SaysWhatIsWrong()
    {
        var calendar = new BusinessCalendar("Nowhere/Special", NineToFive);
        var error = Assert.Throws<InvalidOperationException>(() => calendar.IsOpen(Utc("2025-06-13T10:00Z")));
        Assert.Contains("timeZone", error.Message);
    }
}
