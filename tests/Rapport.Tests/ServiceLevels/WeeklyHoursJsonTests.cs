using System.Text.Json;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Infrastructure.Problems;
using static Rapport.Tests.ServiceLevels.CalendarFixtures;

namespace Rapport.Tests.ServiceLevels;

/// <summary>The written form of weekly hours: what is read, what is refused and where, and what is written back.</summary>
public class WeeklyHoursJsonTests
{
    [Fact]
    public void Read_KeepsEachDaysRangesInTheirOrder_AndLeavesOtherDaysClosed()
    {
        var check = new Validator();
        var hours = WeeklyHoursJson.Read(Days(("monday", ["13:00-17:30", "08:00-12:00"]), ("saturday", ["10:00 - 13:00"]), ("sunday", null)), "weeklyHours", check);

        Assert.True(check.IsValid);
        Assert.Equal([Range("13:00", "17:30"), Range("08:00", "12:00")], hours!.On(DayOfWeek.Monday));
        Assert.Equal([Range("10:00", "13:00")], hours.On(DayOfWeek.Saturday));
        Assert.Empty(hours.On(DayOfWeek.Tuesday));
        Assert.Empty(hours.On(DayOfWeek.Sunday));
    }

    [Theory]
    [InlineData("00:00-24:00", 0, 1440)]
    [InlineData("9:00-17:00", 540, 1020)]
    [InlineData(" 18:30-20:00 ", 1110, 1200)]
    [InlineData("17:00-09:00", 1020, 540)]
    public void TryParseRange_ReadsTimesOfDay_UpTo2400(string text, int start, int end)
    {
        Assert.True(WeeklyHoursJson.TryParseRange(text, out var range));
        Assert.Equal(new OpeningRange(start, end), range);
    }

    [Theory]
    [InlineData("")]
    [InlineData("09:00")]
    [InlineData("09:00-17:00-18:00")]
    [InlineData("09.00-17.00")]
    [InlineData("9-17")]
    [InlineData("09:00-24:30")]
    [InlineData("25:00-26:00")]
    [InlineData("09:60-10:00")]
    [InlineData("-1:00-10:00")]
    [InlineData("09:5-10:00")]
    [InlineData("+9:00-10:00")]
    [InlineData("٠٩:٠٠-١٧:٠٠")]
    public void TryParseRange_RefusesAnythingElse(string text) => Assert.False(WeeklyHoursJson.TryParseRange(text, out _));

    [Fact]
    public void Read_NamesEveryProblemByItsPath()
    {
        var check = new Validator();
        var tooMany = Enumerable.Range(0, WeeklyHoursJson.MaxRangesPerDay + 1).Select(h => $"{h:00}:00-{h:00}:30").ToArray();
        var hours = WeeklyHoursJson.Read(Days(("monday", ["09:00-17:00", "noon-late"]), ("Tuesday", ["09:00-17:00"]), ("friday", [null]), ("saturday", tooMany)),
            "weeklyHours", check);

        Assert.Null(hours);
        Assert.Equal(["weeklyHours.Tuesday", "weeklyHours.friday[0]", "weeklyHours.monday[1]", "weeklyHours.saturday"],
            check.ToError().Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("noon-late", check.ToError().Errors["weeklyHours.monday[1]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithNoHoursAtAll_AsksForThem()
    {
        var check = new Validator();
        Assert.Null(WeeklyHoursJson.Read(null, "weeklyHours", check));
        Assert.Equal(["weeklyHours"], check.ToError().Errors.Keys);
    }

    [Fact]
    public void Read_ThenCalendarValidation_NamesOverlapsAndReversedRangesByTheSamePositions()
    {
        var check = new Validator();
        var hours = WeeklyHoursJson.Read(Days(("monday", ["09:00-17:00", "12:00-13:00"]), ("tuesday", ["17:00-09:00"])), "weeklyHours", check);
        new BusinessCalendar("Europe/London", hours!).Validate(check);

        Assert.Equal(["weeklyHours.monday[1].start", "weeklyHours.tuesday[0].end"], check.ToError().Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToJson_WritesEveryDayMondayFirst_AndFromJsonReadsItBack()
    {
        var hours = WeeklyHours.Closed.With(WeeklyHours.MondayToFriday, Range("08:00", "12:00"), Range("13:00", "17:30"))
            .With(DayOfWeek.Saturday, Range("10:00", "24:00"));

        var json = WeeklyHoursJson.ToJson(hours);

        Assert.Equal("""{"monday":["08:00-12:00","13:00-17:30"],"tuesday":["08:00-12:00","13:00-17:30"],"wednesday":["08:00-12:00","13:00-17:30"],"thursday":["08:00-12:00","13:00-17:30"],"friday":["08:00-12:00","13:00-17:30"],"saturday":["10:00-24:00"],"sunday":[]}""", json);
        var back = WeeklyHoursJson.FromJson(json);
        Assert.All(WeeklyHours.EveryDay, day => Assert.Equal(hours.On(day), back.On(day)));
    }

    [Fact]
    public void FromJson_RefusesTextThatIsNotWeeklyHours()
    {
        Assert.Throws<JsonException>(() => WeeklyHoursJson.FromJson("""{"monday":["all day"]}"""));
        Assert.Throws<JsonException>(() => WeeklyHoursJson.FromJson("null"));
        Assert.Throws<JsonException>(() => WeeklyHoursJson.FromJson("""["09:00-17:00"]"""));
    }

    [Fact]
    public void StoredCalendar_BecomesABusinessCalendar_WithItsHolidays()
    {
        var stored = new ServiceCalendar
        {
            Name = "Office",
            TimeZone = "Europe/London",
            WeeklyHours = """{"monday":["09:00-17:00"]}""",
            Holidays = [new CalendarHoliday { Date = new DateOnly(2025, 12, 25), Name = "Christmas Day", RepeatsYearly = true }],
        };

        var calendar = stored.ToBusinessCalendar();

        Assert.True(calendar.Validate(new Validator()).IsValid);
        Assert.Equal([Range("09:00", "17:00")], calendar.WeeklyHours.On(DayOfWeek.Monday));
        Assert.Equal([new Holiday(new DateOnly(2025, 12, 25), "Christmas Day", true)], calendar.Holidays);
        Assert.False(calendar.IsOpen(Utc("2028-12-25T10:00:00Z"))); // a Monday, closed every year
        Assert.Same(BusinessCalendar.TwentyFourSeven, ((ServiceCalendar?)null).ToBusinessCalendarOrAlwaysOpen());
    }

    private static Dictionary<string, string?[]?> Days(params (string Day, string?[]? Ranges)[] days) =>
        days.ToDictionary(d => d.Day, d => d.Ranges);
}
