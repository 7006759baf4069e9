namespace Rapport.Features.ServiceLevels.Clocks;

public enum SlaState
{
    /// <summary>Running and not yet past due.</summary>
    Active,
    /// <summary>Standing still while the ticket waits on the customer; it may already be overrun.</summary>
    Paused,
    /// <summary>Stopped on or before the due time.</summary>
    Met,
    /// <summary>Running past the due time, or stopped after it.</summary>
    Breached,
}

/// <summary>
/// A clock seen at one moment. <see cref="Remaining"/> is open time left, negative once overrun, frozen while
/// paused; <see cref="Remaining"/> + <see cref="Consumed"/> is always the target. Due and warning times are given
/// only while the clock runs, because only then are they fixed.
/// </summary>
public sealed record SlaEvaluation(SlaState State, DateTimeOffset? DueAt, DateTimeOffset? WarningAt, TimeSpan Remaining, TimeSpan Consumed);
