using FsCheck;
using FsCheck.Fluent;
using Rapport.Features.ServiceLevels.Clocks;
using static Rapport.Tests.ServiceLevels.CalendarGenerators;

namespace Rapport.Tests.ServiceLevels;

public class SlaClockPropertyTests
{
    public enum Event { Pause, Resume, Stop, Look }

    /// <summary>A clock started on a random calendar, then ticket events in any order and at any pace, now and then
    /// stamped a little before the previous one, as late-delivered events are.</summary>
    public sealed record Story(CalendarCase Case, SlaTarget Target, DateTimeOffset Start, (Event Event, DateTimeOffset At)[] Events)
    {
        public override string ToString() =>
            $"{Case} | target {Target.Duration} from {Start:O} | {string.Join(", ", Events.Select(e => $"{e.Event} {e.At:O}"))}";
    }

    // Mostly minutes to days after the previous event; now and then up to three hours before it.
    private static readonly Gen<int> MinutesAfter = Gen.Frequency((1, Gen.Choose(-180, 0)), (4, Gen.Choose(0, 4 * 24 * 60)));

    private static readonly Gen<Story> Stories =
        from calendar in Calendars
        from duration in DurationsFor(calendar).Where(d => d > TimeSpan.Zero)
        from warning in Gen.Elements<double?>(null, 0.5, 0.8)
        from start in Instants
        from steps in Gen.ListOf(Gen.Zip(Gen.Elements(Enum.GetValues<Event>()), MinutesAfter))
        select new Story(calendar, new SlaTarget(SlaMetric.Resolution, duration, calendar.Calendar, warning), start,
            [.. steps.Select((step, i) => (step.Item1, start.AddMinutes(steps.Take(i + 1).Sum(s => s.Item2))))]);

    private static IEnumerable<(SlaClock Clock, DateTimeOffset At)> Replay(Story story)
    {
        var clock = SlaClock.Start(story.Target, story.Start);
        yield return (clock, story.Start);
        foreach (var (happened, at) in story.Events)
        {
            clock = happened switch
            {
                Event.Pause => clock.Pause(at),
                Event.Resume => clock.Resume(at),
                Event.Stop => clock.Stop(at),
                Event.Look => clock,
                _ => throw new ArgumentOutOfRangeException(nameof(story)),
            };
            yield return (clock, at);
        }
    }

    [Fact]
    public void Pausing_NeverBringsTheDueTimeEarlier() => Holds(Stories, story =>
    {
        var unpaused = story.Case.Calendar.Add(story.Start, story.Target.Duration);
        var dues = Replay(story).Select(step => step.Clock.DueAt).OfType<DateTimeOffset>().ToList();
        return dues.All(due => due >= unpaused) && dues.Zip(dues.Skip(1)).All(pair => pair.Second >= pair.First);
    });

    [Fact]
    public void RemainingPlusConsumed_IsTheTarget() => Holds(Stories, story => Replay(story).All(step =>
    {
        var seen = step.Clock.Evaluate(step.At);
        return seen.Remaining + seen.Consumed == story.Target.Duration;
    }));

    [Fact]
    public void StoredConsumedTime_NeverGoesBack_AndNoClockCountsMoreThanTheOpenTimeSinceItsStart() => Holds(Stories, story =>
    {
        var steps = Replay(story).ToList();
        var latest = story.Start;
        return steps.Zip(steps.Skip(1)).All(pair => pair.Second.Clock.ConsumedBeforeRun >= pair.First.Clock.ConsumedBeforeRun)
            && steps.All(step =>
            {
                // A late event's timestamp may be earlier than the last one; the clock counts up to the latest.
                latest = step.At > latest ? step.At : latest;
                return step.Clock.Evaluate(latest).Consumed <= story.Case.Calendar.Between(story.Start, latest);
            });
    });

    [Fact]
    public void TheStateFollowsTheDueTime() => Holds(Stories, story => Replay(story).All(step =>
    {
        var (clock, at) = step;
        var seen = clock.Evaluate(at);
        return seen.State switch
        {
            SlaState.Active => clock.RunningSince is not null && clock.BreachedAt is null && at <= clock.DueAt && seen.Remaining >= TimeSpan.Zero,
            SlaState.Paused => clock.PausedAt is not null && seen.DueAt is null && (seen.Remaining >= TimeSpan.Zero || clock.BreachedAt is not null),
            SlaState.Met => clock.StoppedAt is not null && seen.Remaining >= TimeSpan.Zero,
            SlaState.Breached => clock.BreachedAt is not null || (clock.RunningSince is not null && at > clock.DueAt),
            _ => false,
        };
    }));

    [Fact]
    public void WithoutPauses_AClockIsMetExactlyWhenStoppedByTheCalendarDueTime() => Holds(Stories, story =>
    {
        var stopAt = story.Events.Select(e => e.At).DefaultIfEmpty(story.Start).Max();
        var stopped = SlaClock.Start(story.Target, story.Start).Stop(stopAt);
        var due = story.Case.Calendar.Add(story.Start, story.Target.Duration);
        return stopped.Evaluate(stopAt).State == (stopAt <= due ? SlaState.Met : SlaState.Breached);
    });

    [Fact]
    public void TheWarning_ComesNoLaterThanTheDueTime() => Holds(Stories, story => Replay(story).All(step =>
        step.Clock.Evaluate(step.At) is not { WarningAt: { } warning, DueAt: { } due } || warning <= due));
}
