using Rapport.Features.Routing;

namespace Rapport.Features.People;

public sealed class Team
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>What the team is for, in a sentence its members would recognise.</summary>
    public string? Aim { get; set; }
    /// <summary>A restricted team's tickets are visible only to its members and to supervisors.</summary>
    public bool IsRestricted { get; set; }
    /// <summary>How the team's tickets find an agent (Features/Routing); manual leaves them in the queue.</summary>
    public AssignmentMethod AssignmentMethod { get; set; }
    public List<TeamMember> Members { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class TeamMember
{
    public long TeamId { get; set; }
    public Team Team { get; set; } = null!;
    public Guid UserId { get; set; }
    public User User { get; set; } = null!;
    /// <summary>When this member was last auto-assigned one of the team's tickets: round robin's turn order.</summary>
    public DateTimeOffset? LastAssignedAt { get; set; }
}
