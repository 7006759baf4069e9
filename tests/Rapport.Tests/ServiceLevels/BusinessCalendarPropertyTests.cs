using FsCheck;
using FsCheck.Fluent;
using Rapport.Features.ServiceLevels.Calendars;
using static Rapport.Tests.ServiceLevels.CalendarGenerators;

namespace Rapport.Tests.ServiceLevels;

public class BusinessCalendarPropertyTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static readonly Arbitrary<(CalendarCase Calendar, DateTimeOffset Start, TimeSpan Amount)> Additions =
        (from calendar in Calendars
         from start in Instants
         from amount in DurationsFor(calendar)
         select (calendar, start, amount)).ToArbitrary();

    private static readonly Arbitrary<(CalendarCase Calendar, DateTimeOffset From, DateTimeOffset To)> Spans =
        (from calendar in Calendars
         from start in Instants
         from length in Gen.Choose(-3 * 24 * 60, 60 * 24 * 60)
         select (calendar, start, start.AddMinutes(length))).ToArbitrary();

    private static void Check<T>(Arbitrary<T> cases, Func<T, bool> property) =>
        Prop.ForAll(cases, property).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void ADueTime_IsNeverInsideAClosedPeriod() => Check(Additions, c =>
    {
        var due = c.Calendar.Calendar.Add(c.Start, c.Amount);
        // Zero lands on an opening; anything more lands inside open time or exactly where it ends.
        return c.Amount == TimeSpan.Zero
            ? c.Calendar.Calendar.IsOpen(due) && due >= c.Start
            : c.Calendar.Calendar.IsOpen(due) || c.Calendar.Calendar.IsOpen(due - Tick);
    });

    [Fact]
    public void Between_UndoesAdd() => Check(Additions, c =>
        c.Calendar.Calendar.Between(c.Start, c.Calendar.Calendar.Add(c.Start, c.Amount)) == c.Amount);

    [Fact]
    public void Add_StopsAtTheFirstMomentEnoughTimeHasPassed() => Check(Additions, c =>
    {
        var due = c.Calendar.Calendar.Add(c.Start, c.Amount);
        return due == c.Start || c.Calendar.Calendar.Between(c.Start, due - Tick) < c.Amount
            || c.Amount == TimeSpan.Zero && !c.Calendar.Calendar.IsOpen(due - Tick);
    });

    [Fact]
    public void Add_IsMonotonicInStartAndAmount()
    {
        var cases = (from c in Additions.Generator
                     from laterBy in Gen.Choose(0, 5 * 24 * 60)
                     from moreBy in DurationsFor(c.Calendar)
                     select (c.Calendar, c.Start, c.Amount, Later: c.Start.AddMinutes(laterBy), More: c.Amount + moreBy)).ToArbitrary();
        Check(cases, c =>
            c.Calendar.Calendar.Add(c.Start, c.Amount) <= c.Calendar.Calendar.Add(c.Later, c.Amount)
            && c.Calendar.Calendar.Add(c.Start, c.Amount) <= c.Calendar.Calendar.Add(c.Start, c.More));
    }

    [Fact]
    public void Between_AgreesWithAPlainCountOfEveryRange() => Check(Spans, c =>
        c.Calendar.Calendar.Between(c.From, c.To) == CalendarOracle.Between(c.Calendar, c.From, c.To));

    [Fact]
    public void IsOpen_AgreesWithAPlainCountOfEveryRange() => Check(Spans, c =>
        c.Calendar.Calendar.IsOpen(c.From) == CalendarOracle.IsOpen(c.Calendar, c.From));

    [Fact]
    public void Between_AddsUpOverConsecutiveSpans()
    {
        var cases = (from c in Spans.Generator from middle in Gen.Choose(0, 60 * 24 * 60) select (c.Calendar, c.From, Middle: c.From.AddMinutes(middle), c.To)).ToArbitrary();
        Check(cases, c => c.Middle > c.To
            || c.Calendar.Calendar.Between(c.From, c.Middle) + c.Calendar.Calendar.Between(c.Middle, c.To) == c.Calendar.Calendar.Between(c.From, c.To));
    }

    [Fact]
    public void TwentyFourSeven_IsPlainArithmetic()
    {
        var calendar = BusinessCalendar.TwentyFourSeven;
        var cases = (from start in Instants from ticks in Gen.Choose(0, int.MaxValue) from days in Gen.Choose(0, 400)
                     select (start, Amount: TimeSpan.FromDays(days) + TimeSpan.FromTicks(ticks))).ToArbitrary();
        Check(cases, c => calendar.Add(c.start, c.Amount) == c.start + c.Amount
            && calendar.Between(c.start, c.start + c.Amount) == c.Amount
            && calendar.Between(c.start + c.Amount, c.start) == TimeSpan.Zero
            && calendar.IsOpen(c.start));
    }
}
