using Rapport.Features.People;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Levels;

/// <summary>A level of the ladder: its number (1 is the first above the first line), name, team and the role told.</summary>
public sealed record EscalationLevelDto(int Level, string Name, TeamRef? Team, Role? NotifyRole, bool IsTop, DateTimeOffset UpdatedAt);

/// <summary>A new level goes on top of the ladder.</summary>
public sealed record CreateEscalationLevelRequest(string? Name, long? TeamId, Role? NotifyRole);

/// <summary>A partial update: only the fields present change; null takes the team or the role away.</summary>
public sealed record UpdateEscalationLevelRequest(Optional<string> Name, Optional<long?> TeamId, Optional<Role?> NotifyRole);

public sealed record EscalationLevelNotFound(int Level) : Error(404, "Not found", $"The escalation ladder has no level {Level}.");

/// <summary>Removing a level in the middle would renumber those above it, and tickets already there.</summary>
public sealed record OnlyTopLevelRemovable(int Level, int Top)
    : ConflictError($"Only the top level ({Top}) can be removed, so the levels below keep their numbers; level {Level} is not the top.");

public sealed record EscalationLevelNameTaken()
    : ConflictError("Another escalation level has this name.");

public sealed record LadderFull()
    : ConflictError($"The escalation ladder already has {EscalationLadder.MaxLevels} levels, the most Rapport keeps.");
