using Rapport.Features.People;

namespace Rapport.Features.Routing;

/// <summary>
/// A time an agent is away from work: recorded by their team lead (or a manager), seen by the
/// agent. While it lasts the agent receives no tickets; when it starts their open tickets are
/// redistributed once, and <see cref="RedistributedAt"/> says when.
/// </summary>
public sealed class Absence
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public User User { get; set; } = null!;
    public AbsenceKind Kind { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    /// <summary>The first moment the agent is back: an absence covers [StartsAt, EndsAt).</summary>
    public DateTimeOffset EndsAt { get; set; }
    public string? Note { get; set; }
    public Guid? RecordedById { get; set; }
    public required string RecordedByName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public Guid? CancelledById { get; set; }
    public DateTimeOffset? RedistributedAt { get; set; }

    public bool IsCurrent(DateTimeOffset now) => CancelledAt is null && StartsAt <= now && now < EndsAt;
}
