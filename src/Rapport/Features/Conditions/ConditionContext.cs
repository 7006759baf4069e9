using Rapport.Features.Access;

namespace Rapport.Features.Conditions;

/// <summary>
/// What a condition may depend on besides the ticket: the moment it is evaluated at (ages such
/// as "7d" count back from it) and the acting user ("me"). Passed in, never read from a clock
/// here, so that a rule gives the same answer in a test, a sweep and a request.
/// </summary>
public sealed record ConditionContext(DateTimeOffset Now, Guid? UserId)
{
    public static ConditionContext For(Actor actor, TimeProvider clock) => new(clock.GetUtcNow(), actor.UserId);
}
