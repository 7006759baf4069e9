using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;

namespace Rapport.Features.ServiceLevels.Policies;

/// <summary>
/// A service-level policy (C5): which tickets it covers (a condition set over ticket fields,
/// the same model views and automation use) and the targets it promises them. Policies are
/// tried in order of <see cref="Position"/>; the first that matches a ticket applies.
/// </summary>
public sealed class SlaPolicy
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Position { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>The conditions as JSON (see Features/Conditions); an empty set matches every ticket.</summary>
    public required string Conditions { get; set; }
    /// <summary>The hours business-time targets count in; none means around the clock.</summary>
    public long? CalendarId { get; set; }
    public ServiceCalendar? Calendar { get; set; }
    public List<SlaPolicyTarget> Targets { get; set; } = [];
    /// <summary>Whether the clocks also stop while a ticket is on hold (they always stop while it is pending).</summary>
    public bool PauseOnHold { get; set; }
    /// <summary>How far into a target a warning is raised, in percent (e.g. 80).</summary>
    public int WarnAtPercent { get; set; } = 80;
    public bool EscalateOnWarning { get; set; }
    public bool EscalateOnBreach { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One promised time of a policy.</summary>
public sealed class SlaPolicyTarget
{
    public long PolicyId { get; set; }
    public SlaMetric Metric { get; set; }
    public int Minutes { get; set; }
    /// <summary>Counted in the policy calendar's open hours, or in plain calendar minutes.</summary>
    public bool BusinessHours { get; set; }
}
