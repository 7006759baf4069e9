using Rapport.Features.People;
using Rapport.Features.Tickets;

namespace Rapport.Features.Routing;

public sealed record SetAvailabilityRequest(Availability? Availability);

public sealed record AvailabilityDto(Guid UserId, Availability Availability);

public sealed record SkillInput(SkillKind? Kind, string? Value);

public sealed record SetSkillsRequest(SkillInput[]? Skills);

public sealed record SkillDto(SkillKind Kind, string Value);

public sealed record RecordAbsenceRequest(Guid? UserId, AbsenceKind? Kind, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Note);

public sealed record AbsenceDto(
    long Id,
    Guid UserId,
    string UserName,
    AbsenceKind Kind,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Note,
    Guid? RecordedById,
    string RecordedByName,
    DateTimeOffset RecordedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? RedistributedAt);

/// <summary>An agent's absence as the workload view shows it.</summary>
public sealed record AbsenceRef(long Id, AbsenceKind Kind, DateTimeOffset EndsAt);

/// <summary>
/// One agent's work: their unsolved tickets by status (open includes new), how many are due within
/// the hour or overdue, and their load (new and open tickets weighted by priority).
/// </summary>
public sealed record AgentWorkloadDto(
    Guid UserId, string Name, Role Role, Availability Availability, AbsenceRef? Absence,
    int Open, int Pending, int OnHold, int Breaching, int Load);

public sealed record TeamWorkloadDto(long TeamId, string TeamName, AssignmentMethod AssignmentMethod, DateTimeOffset At, IReadOnlyList<AgentWorkloadDto> Agents);

public static class RoutingProjections
{
    public static readonly System.Linq.Expressions.Expression<Func<Absence, AbsenceDto>> Absence = a => new AbsenceDto(
        a.Id, a.UserId, a.User.DisplayName, a.Kind, a.StartsAt, a.EndsAt, a.Note, a.RecordedById, a.RecordedByName, a.RecordedAt,
        a.CancelledAt, a.RedistributedAt);
}

/// <summary>One of an agent's unsolved tickets, as the workload page lists them for reassigning.</summary>
public sealed record WorkloadTicket(
    long Number, string Subject, TicketStatus Status, Priority Priority, string? TeamName, DateTimeOffset? SlaDueAt, DateTimeOffset CreatedAt);
