namespace Rapport.Features.People;

public sealed class Team
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>What the team is for, in a sentence its members would recognise.</summary>
    public string? Aim { get; set; }
    /// <summary>A restricted team's tickets are visible only to its members and to supervisors.</summary>
    public bool IsRestricted { get; set; }
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
}
