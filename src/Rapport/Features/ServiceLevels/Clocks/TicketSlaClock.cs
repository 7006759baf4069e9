namespace Rapport.Features.ServiceLevels.Clocks;

/// <summary>
/// The stored state of one SLA clock of one ticket (see <see cref="SlaClock"/>), with what the
/// policy said when it started and the derived due and warning times that views and the sweep
/// query. Written only by the use case that changes the ticket, never by a hidden callback.
/// </summary>
public sealed class TicketSlaClock
{
    public long TicketNumber { get; set; }
    public SlaMetric Metric { get; set; }
    public long PolicyId { get; set; }
    public int TargetMinutes { get; set; }
    public bool BusinessHours { get; set; }
    public long? CalendarId { get; set; }
    public int WarnAtPercent { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Open time used before the current run, in seconds.</summary>
    public long ConsumedSeconds { get; set; }
    public DateTimeOffset? RunningSince { get; set; }
    public DateTimeOffset? PausedAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    public DateTimeOffset? BreachedAt { get; set; }
    /// <summary>While running: when the target runs out.</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>While running: when the warning is due.</summary>
    public DateTimeOffset? WarnAt { get; set; }
    /// <summary>When the sweep recorded the warning; set once.</summary>
    public DateTimeOffset? WarningRecordedAt { get; set; }
    /// <summary>When the sweep recorded the breach; set once.</summary>
    public DateTimeOffset? BreachRecordedAt { get; set; }
}
