namespace Rapport.Features.ServiceLevels.Clocks;

/// <summary>
/// The clock for one target on one ticket: an immutable value whose properties are the columns to store.
/// It runs from <see cref="Start"/>, stands still while paused (the ticket waits on the customer), and ends at
/// <see cref="Stop"/> (the target is fulfilled). Ticket events arrive in any order, so an operation that makes no
/// sense in the current state (pausing a stopped clock, resuming a running one) returns the same clock, and a
/// <c>now</c> earlier than the clock's last change counts as that change.
/// </summary>
/// <remarks>
/// Only open time counts: <see cref="ConsumedBeforeRun"/> holds what earlier runs used, and the current run
/// counts the calendar's open time since <see cref="RunningSince"/>. The due time is worked out again on
/// resuming from what is left, so a pause can only move it later. Once a pause or stop comes after the due time,
/// <see cref="BreachedAt"/> keeps that due time: a breach is never undone by pausing, and a breached clock that
/// resumes stays due when it was missed.
/// </remarks>
public sealed record SlaClock
{
    private SlaClock(SlaTarget target, DateTimeOffset startedAt, TimeSpan consumedBeforeRun, DateTimeOffset? runningSince,
        DateTimeOffset? pausedAt, DateTimeOffset? stoppedAt, DateTimeOffset? breachedAt)
    {
        (Target, StartedAt, ConsumedBeforeRun) = (target, startedAt.ToUniversalTime(), consumedBeforeRun);
        (RunningSince, PausedAt) = (runningSince?.ToUniversalTime(), pausedAt?.ToUniversalTime());
        (StoppedAt, BreachedAt) = (stoppedAt?.ToUniversalTime(), breachedAt?.ToUniversalTime());
        DueAt = RunningSince is { } since ? BreachedAt ?? UsedUpAt(since, target.Duration) : null;
    }

    public SlaTarget Target { get; }
    public DateTimeOffset StartedAt { get; }
    /// <summary>Open time used by the runs before the current one (all of them, once stopped).</summary>
    public TimeSpan ConsumedBeforeRun { get; }
    /// <summary>When the current run began; null while paused or stopped.</summary>
    public DateTimeOffset? RunningSince { get; }
    /// <summary>When the clock was paused; null unless paused. Kept so a late resume cannot count time twice.</summary>
    public DateTimeOffset? PausedAt { get; }
    /// <summary>When the target was fulfilled; null until then.</summary>
    public DateTimeOffset? StoppedAt { get; }
    /// <summary>The due time that was missed, recorded when a pause or stop came after it.</summary>
    public DateTimeOffset? BreachedAt { get; }
    /// <summary>When the target is due while the clock runs; derived, and stored so queries can sort and sweep by it.</summary>
    public DateTimeOffset? DueAt { get; }

    public static SlaClock Start(SlaTarget target, DateTimeOffset now) => new(target, now, TimeSpan.Zero, now, null, null, null);

    /// <summary>Rebuilds a stored clock; the due time is derived again from the target's calendar.</summary>
    public static SlaClock Restore(SlaTarget target, DateTimeOffset startedAt, TimeSpan consumedBeforeRun,
        DateTimeOffset? runningSince, DateTimeOffset? pausedAt, DateTimeOffset? stoppedAt, DateTimeOffset? breachedAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consumedBeforeRun, TimeSpan.Zero);
        if ((runningSince is null ? 0 : 1) + (pausedAt is null ? 0 : 1) + (stoppedAt is null ? 0 : 1) != 1)
            throw new ArgumentException("A clock is exactly one of running, paused or stopped.", nameof(runningSince));
        return new(target, startedAt, consumedBeforeRun, runningSince, pausedAt, stoppedAt, breachedAt);
    }

    public SlaClock Pause(DateTimeOffset now) => RunningSince is { } since
        ? new(Target, StartedAt, Consumed(now), null, Latest(now, since), null, BreachSeenAt(now, since))
        : this;

    public SlaClock Resume(DateTimeOffset now) => PausedAt is { } pausedAt
        ? new(Target, StartedAt, ConsumedBeforeRun, Latest(now, pausedAt), null, null, BreachedAt)
        : this;

    public SlaClock Stop(DateTimeOffset now) => (RunningSince, PausedAt) switch
    {
        ({ } since, _) => new(Target, StartedAt, Consumed(now), null, null, Latest(now, since), BreachSeenAt(now, since)),
        (_, { } pausedAt) => new(Target, StartedAt, ConsumedBeforeRun, null, null, Latest(now, pausedAt), BreachedAt),
        _ => this,
    };

    /// <summary>Takes a stopped clock up again (a solved ticket reopened): the open time it used still counts.</summary>
    public SlaClock Reopen(DateTimeOffset now) => StoppedAt is { } stoppedAt
        ? new(Target, StartedAt, ConsumedBeforeRun, Latest(now, stoppedAt), null, null, BreachedAt)
        : this;

    /// <summary>
    /// The same clock measured against another target (the ticket's priority or policy changed). A stopped clock
    /// keeps the target it was judged by; an unfinished one forgets a breach seen under the old target, since
    /// the new one may not have been missed.
    /// </summary>
    public SlaClock Retarget(SlaTarget target) => StoppedAt is null && target != Target
        ? new(target, StartedAt, ConsumedBeforeRun, RunningSince, PausedAt, null, null)
        : this;

    public SlaEvaluation Evaluate(DateTimeOffset now)
    {
        var consumed = Consumed(now);
        var state = this switch
        {
            // A breach already recorded stands even when asked about an instant before it was recorded.
            { RunningSince: not null } => BreachedAt is not null || now > DueAt ? SlaState.Breached : SlaState.Active,
            { PausedAt: not null } => SlaState.Paused,
            _ => BreachedAt is null ? SlaState.Met : SlaState.Breached,
        };
        // A clock resumed after its breach keeps its old due time; the warning cannot come after it.
        DateTimeOffset? warningAt = RunningSince is { } since && Target.WarningAfter is { } warnAfter
            ? Earliest(UsedUpAt(since, warnAfter), DueAt!.Value)
            : null;
        return new SlaEvaluation(state, DueAt, warningAt, Target.Duration - consumed, consumed);
    }

    private TimeSpan Consumed(DateTimeOffset now) =>
        RunningSince is { } since ? ConsumedBeforeRun + Target.Calendar.Between(since, now) : ConsumedBeforeRun;

    // Where the current run has used up `budget` of open time, counting what earlier runs already spent of it.
    private DateTimeOffset UsedUpAt(DateTimeOffset since, TimeSpan budget) =>
        Target.Calendar.Add(since, budget > ConsumedBeforeRun ? budget - ConsumedBeforeRun : TimeSpan.Zero);

    private DateTimeOffset? BreachSeenAt(DateTimeOffset now, DateTimeOffset since) =>
        BreachedAt ?? (Latest(now, since) > DueAt ? DueAt : null);

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
