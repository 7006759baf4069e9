using Rapport.Features.People;

namespace Rapport.Features.Routing;

/// <summary>
/// Something an agent is good at: a language they answer in ("fr"), a service they know (its id),
/// or a tag they handle ("billing"). Skills-based routing matches them to a ticket's needs.
/// </summary>
public sealed class AgentSkill
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public User User { get; set; } = null!;
    public SkillKind Kind { get; set; }
    /// <summary>A BCP 47 language tag, a service id, or a tag name, in their normalised forms.</summary>
    public required string Value { get; set; }
}
