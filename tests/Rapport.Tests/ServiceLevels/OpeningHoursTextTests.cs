using Rapport.Features.ServiceLevels;
using Rapport.Features.ServiceLevels.Calendars;
using static Rapport.Tests.ServiceLevels.CalendarFixtures;

namespace Rapport.Tests.ServiceLevels;

/// <summary>Opening hours and promised times in the words customers read.</summary>
public class OpeningHoursTextTests
{
    [Fact]
    public void OfficeHours_WithHolidays_ReadAsOneLine()
    {
        var calendar = Office("Europe/London", OneOff("2025-12-25", "Christmas Day"));
        Assert.Equal("Mon–Fri 09:00–17:00; closed on holidays", OpeningHoursText.Summary(calendar));
        Assert.Equal("Mon–Fri 09:00–17:00", OpeningHoursText.Summary(Office("Europe/London")));
    }

    [Fact]
    public void LunchBreaks_AndDifferentDays_ReadInWeekOrder()
    {
        var hours = WeeklyHours.Closed
            .With(WeeklyHours.MondayToFriday, Range("13:00", "17:30"), Range("08:00", "12:00"))
            .With(DayOfWeek.Wednesday, Range("08:00", "12:00"))
            .With(DayOfWeek.Saturday, Range("10:00", "11:00"), Range("11:00", "13:00"), Range("14:00", "15:00"), Range("16:00", "17:00"));

        Assert.Equal(
            ["Mon–Tue 08:00–12:00 and 13:00–17:30", "Wed 08:00–12:00", "Thu–Fri 08:00–12:00 and 13:00–17:30", "Sat 10:00–13:00, 14:00–15:00 and 16:00–17:00"],
            OpeningHoursText.Lines(hours));
    }

    [Fact]
    public void DaysWithTheSameHours_ApartFromEachOther_AreNamedSeparately()
    {
        var hours = WeeklyHours.Closed.With([DayOfWeek.Monday, DayOfWeek.Wednesday], Range("09:00", "17:00"));
        Assert.Equal(["Mon 09:00–17:00", "Wed 09:00–17:00"], OpeningHoursText.Lines(hours));
    }

    [Fact]
    public void EveryDay_AllDay_AndAroundTheClock_HaveTheirOwnWords()
    {
        Assert.Equal(["Every day 08:00–20:00"], OpeningHoursText.Lines(WeeklyHours.Closed.With(WeeklyHours.EveryDay, Range("08:00", "20:00"))));
        Assert.Equal(["Open around the clock, every day"], OpeningHoursText.Lines(BusinessCalendar.TwentyFourSeven.WeeklyHours));
        Assert.Equal(["Open around the clock, every day"],
            OpeningHoursText.Lines(WeeklyHours.Closed.With(WeeklyHours.EveryDay, Range("00:00", "12:00"), Range("12:00", "24:00"))));
        Assert.Equal(["Mon–Fri 09:00–17:00", "Sat–Sun all day"],
            OpeningHoursText.Lines(WeeklyHours.Closed.With(WeeklyHours.MondayToFriday, Range("09:00", "17:00"))
                .With([DayOfWeek.Saturday, DayOfWeek.Sunday], Range("00:00", "24:00"))));
        Assert.Equal(["Closed"], OpeningHoursText.Lines(WeeklyHours.Closed));
    }

    [Theory]
    [InlineData(240, true, "within 4 working hours")]
    [InlineData(60, true, "within 1 working hour")]
    [InlineData(30, true, "within 30 working minutes")]
    [InlineData(1, true, "within 1 working minute")]
    [InlineData(90, true, "within 1 hour 30 minutes of working time")]
    [InlineData(2400, true, "within 40 working hours")]
    [InlineData(30, false, "within 30 minutes")]
    [InlineData(240, false, "within 4 hours")]
    [InlineData(1440, false, "within 1 day")]
    [InlineData(2880, false, "within 2 days")]
    [InlineData(1530, false, "within 1 day 1 hour 30 minutes")]
    [InlineData(1441, false, "within 1 day 1 minute")]
    public void PromisedTimes_ReadAsCustomersSayThem(int minutes, bool working, string words) =>
        Assert.Equal(words, PromisedTimeText.Within(minutes, working));

    [Fact]
    public void PromisedTime_OfNothing_IsACallersMistake() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PromisedTimeText.Within(0, false));
}
