using Rapport.Features.ServiceLevels.Calendars;

namespace Rapport.Features.ServiceLevels.Clocks;

/// <summary>What a service level measures on a ticket.</summary>
public enum SlaMetric
{
    /// <summary>From the ticket's arrival to the first public reply by staff.</summary>
    FirstResponse,
    /// <summary>From a customer's message to the next public reply by staff.</summary>
    NextResponse,
    /// <summary>From the ticket's arrival to it being solved.</summary>
    Resolution,
}

/// <summary>
/// One promise of a service level: how long a metric may take, counted in the calendar's open time, with an
/// optional early warning when a fraction of it is used (0.8 = warn at 80 %).
/// </summary>
public sealed record SlaTarget
{
    public SlaTarget(SlaMetric metric, TimeSpan duration, BusinessCalendar calendar, double? warningFraction = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        if (warningFraction is { } fraction && fraction is not (> 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(warningFraction), fraction, "Must be more than 0 and at most 1.");
        (Metric, Duration, Calendar, WarningFraction) = (metric, duration, calendar, warningFraction);
    }

    /// <summary>A target counted in plain elapsed time, day and night.</summary>
    public static SlaTarget InCalendarTime(SlaMetric metric, TimeSpan duration, double? warningFraction = null) =>
        new(metric, duration, BusinessCalendar.TwentyFourSeven, warningFraction);

    public SlaMetric Metric { get; }
    public TimeSpan Duration { get; }
    public BusinessCalendar Calendar { get; }
    public double? WarningFraction { get; }

    /// <summary>The open time after which to warn, or null when this target has no warning.</summary>
    internal TimeSpan? WarningAfter => WarningFraction is { } fraction ? Duration * fraction : null;
}
