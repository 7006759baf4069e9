using FsCheck;
using FsCheck.Fluent;
using Rapport.Features.ServiceLevels.Calendars;
using static Rapport.Tests.ServiceLevels.CalendarGenerators;

namespace Rapport.Tests.ServiceLevels;

public class BusinessCalendarPropertyTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static readonly Gen<(CalendarCase Case, DateTimeOffset Start, TimeSpan Amount)> Additions =
        from calendar in Calendars
        from start in Instants
        from amount in DurationsFor(calendar)
        select (calendar, start, amount);

    private static readonly Gen<(CalendarCase Case, DateTimeOffset From, DateTimeOffset To)> Spans =
        from calendar in Calendars
        from start in Instants
        from length in Gen.Choose(-3 * 24 * 60, 60 * 24 * 60)
        select (calendar, start, start.AddMinutes(length));

    [Fact]
    public void ADueTime_IsNeverInsideAClosedPeriod() => Holds(Additions, c =>
    {
        var due = c.Case.Calendar.Add(c.Start, c.Amount);
        // Zero lands on an opening; anything more lands inside open time or exactly where it ends.
        return c.Amount == TimeSpan.Zero
            ? c.Case.Calendar.IsOpen(due) && due >= c.Start
            : c.Case.Calendar.IsOpen(due) || c.Case.Calendar.IsOpen(due - Tick);
    });

    [Fact]
    public void Between_UndoesAdd() => Holds(Additions, c =>
        c.Case.Calendar.Between(c.Start, c.Case.Calendar.Add(c.Start, c.Amount)) == c.Amount);

    [Fact]
    public void Add_StopsAtTheFirstMomentEnoughTimeHasPassed() => Holds(Additions, c =>
    {
        var due = c.Case.Calendar.Add(c.Start, c.Amount);
        return due == c.Start || c.Case.Calendar.Between(c.Start, due - Tick) < c.Amount
            || c.Amount == TimeSpan.Zero && !c.Case.Calendar.IsOpen(due - Tick);
    });

    [Fact]
    public void Add_IsMonotonicInStartAndAmount()
    {
        var cases = from c in Additions
                    from laterBy in Gen.Choose(0, 5 * 24 * 60)
                    from moreBy in DurationsFor(c.Case)
                    select (c.Case, c.Start, c.Amount, Later: c.Start.AddMinutes(laterBy), More: c.Amount + moreBy);
        Holds(cases, c =>
            c.Case.Calendar.Add(c.Start, c.Amount) <= c.Case.Calendar.Add(c.Later, c.Amount)
            && c.Case.Calendar.Add(c.Start, c.Amount) <= c.Case.Calendar.Add(c.Start, c.More));
    }

    [Fact]
    public void Between_AgreesWithAPlainCountOfEveryRange() => Holds(Spans, c =>
        c.Case.Calendar.Between(c.From, c.To) == CalendarOracle.Between(c.Case, c.From, c.To));

    [Fact]
    public void IsOpen_AgreesWithAPlainCountOfEveryRange() => Holds(Spans, c =>
        c.Case.Calendar.IsOpen(c.From) == CalendarOracle.IsOpen(c.Case, c.From));

    [Fact]
    public void Between_AddsUpOverConsecutiveSpans()
    {
        var cases = from c in Spans from middle in Gen.Choose(0, 60 * 24 * 60) select (c.Case, c.From, Middle: c.From.AddMinutes(middle), c.To);
        Holds(cases, c => c.Middle > c.To
            || c.Case.Calendar.Between(c.From, c.Middle) + c.Case.Calendar.Between(c.Middle, c.To) == c.Case.Calendar.Between(c.From, c.To));
    }

    [Fact]
    public void TwentyFourSeven_IsPlainArithmetic()
    {
        var calendar = BusinessCalendar.TwentyFourSeven;
        var cases = from start in Instants from ticks in Gen.Choose(0, int.MaxValue) from days in Gen.Choose(0, 400)
                    select (start, Amount: TimeSpan.FromDays(days) + TimeSpan.FromTicks(ticks));
        Holds(cases, c => calendar.Add(c.start, c.Amount) == c.start + c.Amount
            && calendar.Between(c.start, c.start + c.Amount) == c.Amount
            && calendar.Between(c.start + c.Amount, c.start) == TimeSpan.Zero
            && calendar.IsOpen(c.start));
    }
}
