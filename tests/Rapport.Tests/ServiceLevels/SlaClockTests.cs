using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;
using static Rapport.Tests.ServiceLevels.CalendarFixtures;

namespace Rapport.Tests.ServiceLevels;

/// <summary>Worked examples on a London office open 09:00–17:00 BST on weekdays, from Friday 13 June 2025 15:00 BST (14:00Z).</summary>
public class SlaClockTests
{
    private static readonly BusinessCalendar London = Office("Europe/London");
    private static readonly DateTimeOffset FridayThreePm = Utc("2025-06-13T14:00Z");

    private static SlaClock FirstResponseIn(double hours, double? warning = null) =>
        SlaClock.Start(new SlaTarget(SlaMetric.FirstResponse, TimeSpan.FromHours(hours), London, warning), FridayThreePm);

    [Fact]
    public void ARunningClock_IsDueAfterTheTargetInOpenTime_AndBreachesJustAfter()
    {
        var clock = FirstResponseIn(4);
        Assert.Equal(Utc("2025-06-16T10:00Z"), clock.DueAt); // Monday 11:00 BST
        Assert.Equal(new SlaEvaluation(SlaState.Active, clock.DueAt, null, TimeSpan.FromHours(2), TimeSpan.FromHours(2)),
            clock.Evaluate(Utc("2025-06-14T12:00Z")));
        Assert.Equal(SlaState.Active, clock.Evaluate(Utc("2025-06-16T10:00Z")).State);
        var late = clock.Evaluate(Utc("2025-06-16T10:01Z"));
        Assert.Equal((SlaState.Breached, TimeSpan.FromMinutes(-1)), (late.State, late.Remaining));
    }

    [Theory]
    [InlineData("2025-06-16T09:59Z", SlaState.Met)]
    [InlineData("2025-06-16T10:00Z", SlaState.Met)]
    [InlineData("2025-06-16T10:00:01Z", SlaState.Breached)]
    public void StoppingOnOrBeforeDue_MeetsTheTarget(string stoppedAt, SlaState expected)
    {
        var stopped = FirstResponseIn(4).Stop(Utc(stoppedAt));
        var evaluation = stopped.Evaluate(Utc("2025-06-20T12:00Z"));
        Assert.Equal(expected, evaluation.State);
        Assert.Null(evaluation.DueAt);
        Assert.Equal(TimeSpan.FromHours(4) - evaluation.Consumed, evaluation.Remaining);
        Assert.Equal(Utc(stoppedAt), stopped.StoppedAt);
    }

    [Fact]
    public void StoppingOnASaturday_AfterAFridayDueTime_IsABreach_ThoughNoOpenTimeWasOverrun()
    {
        var clock = FirstResponseIn(2); // due Friday 17:00 BST, the end of the day
        Assert.Equal(Utc("2025-06-13T16:00Z"), clock.DueAt);
        var evaluation = clock.Stop(Utc("2025-06-14T09:00Z")).Evaluate(Utc("2025-06-14T09:00Z"));
        Assert.Equal((SlaState.Breached, TimeSpan.Zero), (evaluation.State, evaluation.Remaining));
    }

    [Fact]
    public void WarningAt80Percent_FallsAfterThatShareOfOpenTime()
    {
        // 80 % of 4 h is 3 h 12 min: two hours on Friday, then Monday 09:00–10:12 BST.
        Assert.Equal(Utc("2025-06-16T09:12Z"), FirstResponseIn(4, warning: 0.8).Evaluate(FridayThreePm).WarningAt);
        Assert.Null(FirstResponseIn(4).Evaluate(FridayThreePm).WarningAt);
    }

    [Fact]
    public void APauseOverTheWeekend_FreezesTheRemainingTime_AndMovesTheDueTimeLater()
    {
        var paused = FirstResponseIn(4).Pause(Utc("2025-06-13T15:00Z")); // after one hour, Friday 16:00 BST
        var saturday = paused.Evaluate(Utc("2025-06-14T12:00Z"));
        Assert.Equal(new SlaEvaluation(SlaState.Paused, null, null, TimeSpan.FromHours(3), TimeSpan.FromHours(1)), saturday);
        Assert.Equal(saturday, paused.Evaluate(Utc("2025-06-16T12:00Z")));

        // Resumed at Monday 10:00 BST: the hour from 09:00 did not count, three hours remain.
        var resumed = paused.Resume(Utc("2025-06-16T09:00Z"));
        Assert.Equal(Utc("2025-06-16T12:00Z"), resumed.DueAt);
        // Resumed on Sunday, counting starts at Monday's opening.
        Assert.Equal(Utc("2025-06-16T11:00Z"), paused.Resume(Utc("2025-06-15T12:00Z")).DueAt);
    }

    [Fact]
    public void ACalendarTimeTarget_CountsNightsAndWeekends_ButNotPauses()
    {
        var target = SlaTarget.InCalendarTime(SlaMetric.Resolution, TimeSpan.FromHours(24));
        var clock = SlaClock.Start(target, Utc("2025-06-13T12:00Z")).Pause(Utc("2025-06-13T18:00Z")).Resume(Utc("2025-06-16T09:00Z"));
        Assert.Equal(Utc("2025-06-17T03:00Z"), clock.DueAt);
    }

    [Fact]
    public void ABreachStaysABreach_ThroughPauseResumeAndStop()
    {
        var clock = FirstResponseIn(4);
        var paused = clock.Pause(Utc("2025-06-16T11:00Z")); // an hour past due
        Assert.Equal(clock.DueAt, paused.BreachedAt);
        var overnight = paused.Evaluate(Utc("2025-06-17T00:00Z"));
        Assert.Equal((SlaState.Paused, TimeSpan.FromHours(-1)), (overnight.State, overnight.Remaining));
        var resumed = paused.Resume(Utc("2025-06-17T09:00Z"));
        Assert.Equal(clock.DueAt, resumed.DueAt);
        Assert.Equal(SlaState.Breached, resumed.Evaluate(Utc("2025-06-17T09:00Z")).State);
        Assert.Equal(SlaState.Breached, resumed.Stop(Utc("2025-06-17T09:30Z")).Evaluate(Utc("2025-06-18T00:00Z")).State);
    }

    [Fact]
    public void PausedExactlyAtDue_AndStopped_IsMet_ButPausedAfterDueIsNot()
    {
        var clock = FirstResponseIn(2); // due Friday 16:00Z
        Assert.Equal(SlaState.Met, clock.Pause(Utc("2025-06-13T16:00Z")).Stop(Utc("2025-06-20T12:00Z")).Evaluate(Utc("2025-06-20T12:00Z")).State);
        Assert.Equal(SlaState.Breached, clock.Pause(Utc("2025-06-13T18:00Z")).Stop(Utc("2025-06-20T12:00Z")).Evaluate(Utc("2025-06-20T12:00Z")).State);
    }

    [Fact]
    public void OperationsThatDoNotFit_ReturnTheSameClock()
    {
        var running = FirstResponseIn(4);
        var paused = running.Pause(Utc("2025-06-13T15:00Z"));
        var stopped = running.Stop(Utc("2025-06-13T15:00Z"));
        var later = Utc("2025-06-16T12:00Z");
        Assert.Same(running, running.Resume(later));
        Assert.Same(paused, paused.Pause(later));
        Assert.Same(stopped, stopped.Pause(later));
        Assert.Same(stopped, stopped.Resume(later));
        Assert.Same(stopped, stopped.Stop(later));
    }

    [Fact]
    public void TimesBeforeTheLastChange_CountAsThatChange()
    {
        var paused = FirstResponseIn(4).Pause(Utc("2025-06-13T15:00Z"));
        Assert.Equal(TimeSpan.Zero, FirstResponseIn(4).Pause(Utc("2025-06-13T10:00Z")).ConsumedBeforeRun);
        // A resume stamped before the pause would count half of Friday's hour twice (due 09:30Z); it runs from
        // the pause instead, so the due time is what it was without the pause.
        Assert.Equal(Utc("2025-06-16T10:00Z"), paused.Resume(Utc("2025-06-13T14:30Z")).DueAt);
        Assert.Equal(Utc("2025-06-13T15:00Z"), paused.Stop(Utc("2025-06-13T14:30Z")).StoppedAt);
    }

    [Fact]
    public void AStoredClock_ComesBackTheSame_AndInUtc()
    {
        var clock = SlaClock.Start(new SlaTarget(SlaMetric.NextResponse, TimeSpan.FromHours(4), London),
            DateTimeOffset.Parse("2025-06-13T16:00+02:00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.Zero, clock.StartedAt.Offset);
        foreach (var stored in new[] { clock, clock.Pause(Utc("2025-06-13T15:00Z")), clock.Stop(Utc("2025-06-16T11:00Z")) })
            Assert.Equal(stored, SlaClock.Restore(stored.Target, stored.StartedAt, stored.ConsumedBeforeRun,
                stored.RunningSince, stored.PausedAt, stored.StoppedAt, stored.BreachedAt));
        Assert.Throws<ArgumentException>(() => SlaClock.Restore(clock.Target, FridayThreePm, TimeSpan.Zero, FridayThreePm, null, FridayThreePm, null));
    }

    [Fact]
    public void ATarget_NeedsATimeAndASensibleWarning()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget(SlaMetric.Resolution, TimeSpan.Zero, London));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget(SlaMetric.Resolution, TimeSpan.FromHours(1), London, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget(SlaMetric.Resolution, TimeSpan.FromHours(1), London, 0));
    }
}
