namespace Rapport.Features.Routing;

/// <summary>How a team's new and moved tickets find an agent.</summary>
public enum AssignmentMethod
{
    /// <summary>Nobody is chosen: tickets wait in the team's queue until someone takes them.</summary>
    Manual,
    /// <summary>The available member who was auto-assigned a ticket longest ago gets the next one.</summary>
    RoundRobin,
    /// <summary>The available member with the least open work, weighted by priority.</summary>
    LeastLoaded,
    /// <summary>The available members whose skills match the ticket best, then the least loaded of them.</summary>
    SkillsBased,
}

/// <summary>What an agent says about themselves right now. Only available agents receive work.</summary>
public enum Availability { Available, Away, Offline }

/// <summary>What a skill is about: the requester's language, the ticket's service, or one of its tags.</summary>
public enum SkillKind { Language, Service, Tag }

public enum AbsenceKind { Sickness, Holiday, Training, Other }
