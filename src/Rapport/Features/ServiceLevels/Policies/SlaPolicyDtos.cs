using Rapport.Features.Conditions;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Policies;

/// <summary>A policy as the API shows it; position 1 is tried first.</summary>
public sealed record SlaPolicyDto(
    long Id,
    string Name,
    string? Description,
    int Position,
    bool IsActive,
    ConditionSet Conditions,
    CalendarRef? Calendar,
    List<SlaPolicyTargetDto> Targets,
    bool PauseOnHold,
    int WarnAtPercent,
    bool EscalateOnWarning,
    bool EscalateOnBreach,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The policy must be loaded with its targets and calendar.</summary>
    internal static SlaPolicyDto From(SlaPolicy p) => new(p.Id, p.Name, p.Description, p.Position, p.IsActive,
        ConditionSet.FromJson(p.Conditions),
        p.Calendar is { } calendar ? new CalendarRef(calendar.Id, calendar.Name) : null,
        [.. p.Targets.OrderBy(t => t.Metric).Select(t => new SlaPolicyTargetDto(t.Metric, t.Minutes, t.BusinessHours,
            PromisedTimeText.Within(t.Minutes, workingTime: t.BusinessHours && p.CalendarId is not null)))],
        p.PauseOnHold, p.WarnAtPercent, p.EscalateOnWarning, p.EscalateOnBreach, p.CreatedAt, p.UpdatedAt);
}

/// <summary>One promised time, with it in words ("within 4 working hours").</summary>
public sealed record SlaPolicyTargetDto(SlaMetric Metric, int Minutes, bool BusinessHours, string Promise);

public sealed record SlaPolicyNotFound(long Id) : Error(404, "Not found", $"SLA policy {Id} does not exist.");

/// <summary>Tickets keep the policy their clocks were started under, so it stays while any does; deactivate it instead.</summary>
public sealed record SlaPolicyInUse(string Name)
    : ConflictError($"The SLA policy {Name} cannot be deleted: tickets have clocks under it. Deactivate it instead, so new tickets no longer get it.");
