using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;
using static Rapport.Tests.ServiceLevels.CalendarFixtures;

namespace Rapport.Tests.ServiceLevels;

/// <summary>What happens to a clock when its ticket is reopened or its target changes, on a London office open 09:00–17:00.</summary>
public class SlaClockChangeTests
{
    private static readonly BusinessCalendar London = Office("Europe/London");
    private static readonly DateTimeOffset MondayNine = Utc("2025-06-16T08:00Z");

    private static SlaTarget Resolution(double hours) => new(SlaMetric.Resolution, TimeSpan.FromHours(hours), London);

    [Fact]
    public void Reopening_ASolvedTicket_RunsTheClockOnFromWhatItHadUsed()
    {
        var solved = SlaClock.Start(Resolution(8), MondayNine).Stop(MondayNine.AddHours(3));
        var reopened = solved.Reopen(Utc("2025-06-17T08:00Z")); // Tuesday 09:00

        Assert.Null(reopened.StoppedAt);
        Assert.Equal(TimeSpan.FromHours(3), reopened.ConsumedBeforeRun);
        Assert.Equal(Utc("2025-06-17T13:00Z"), reopened.DueAt); // five open hours left: Tuesday 14:00
        Assert.Equal(SlaState.Active, reopened.Evaluate(Utc("2025-06-17T09:00Z")).State);
    }

    [Fact]
    public void Reopening_KeepsABreachAlreadyMissed()
    {
        var late = SlaClock.Start(Resolution(2), MondayNine).Stop(MondayNine.AddHours(4));
        var reopened = late.Reopen(MondayNine.AddHours(5));
        Assert.Equal(late.BreachedAt, reopened.BreachedAt);
        Assert.Equal(SlaState.Breached, reopened.Evaluate(MondayNine.AddHours(5)).State);
    }

    [Fact]
    public void Reopening_ARunningClock_ChangesNothing()
    {
        var running = SlaClock.Start(Resolution(8), MondayNine);
        Assert.Same(running, running.Reopen(MondayNine.AddHours(1)));
    }

    [Fact]
    public void Retargeting_ARunningClock_KeepsItsStartAndMovesItsDueTime()
    {
        var running = SlaClock.Start(Resolution(8), MondayNine);
        var urgent = running.Retarget(Resolution(2));
        Assert.Equal(running.StartedAt, urgent.StartedAt);
        Assert.Equal(MondayNine.AddHours(2), urgent.DueAt);
    }

    [Fact]
    public void Retargeting_ToALongerTarget_ForgetsABreachSeenUnderTheShorterOne()
    {
        var paused = SlaClock.Start(Resolution(2), MondayNine).Pause(MondayNine.AddHours(3));
        Assert.NotNull(paused.BreachedAt);
        var relaxed = paused.Retarget(Resolution(8));
        Assert.Null(relaxed.BreachedAt);
        Assert.Equal(TimeSpan.FromHours(5), relaxed.Evaluate(MondayNine.AddHours(6)).Remaining);
    }

    [Fact]
    public void Retargeting_AStoppedClock_KeepsTheTargetItWasJudgedBy()
    {
        var met = SlaClock.Start(Resolution(8), MondayNine).Stop(MondayNine.AddHours(3));
        Assert.Same(met, met.Retarget(Resolution(1)));
    }
}
