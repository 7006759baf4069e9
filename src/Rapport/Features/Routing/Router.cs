using System.Globalization;

namespace Rapport.Features.Routing;

public sealed record Skill(SkillKind Kind, string Value)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Value}";
}

/// <summary>One member of a team as the router sees them.</summary>
/// <param name="Load">Their priority-weighted new and open tickets (<see cref="Workload"/>).</param>
/// <param name="LastAssignedAt">When the team last auto-assigned them a ticket; null if never.</param>
public sealed record Candidate(
    Guid UserId, Availability Availability, bool IsAbsent, int Load, IReadOnlyCollection<Skill> Skills, DateTimeOffset? LastAssignedAt)
{
    /// <summary>Away, offline or absent agents never receive work.</summary>
    public bool CanTakeWork => Availability == Availability.Available && !IsAbsent;
}

/// <summary>What a ticket asks of the agent who takes it: the requester's language, its service and its tags.</summary>
public sealed record TicketNeeds(string? Language, long? ServiceId, IReadOnlyCollection<string> Tags)
{
    public static readonly TicketNeeds None = new(null, null, []);
}

/// <summary>The chosen agent, why, and the turn stamp to store as their <c>LastAssignedAt</c>.</summary>
public sealed record RoutingChoice(Guid UserId, string Reason, DateTimeOffset Stamp);

/// <summary>
/// Chooses the agent for a ticket, without I/O. Only candidates who can take work are considered;
/// none of them means no choice (the ticket stays in the team queue), as does a manual team.
/// Every tie is broken the same way: assigned longest ago first (never before all), then by user id,
/// so the same input always gives the same agent.
/// </summary>
public static class Router
{
    /// <summary>Turn stamps stay this far apart, so the order survives the database's precision (SQLite keeps 0.1 ms).</summary>
    public static readonly TimeSpan StampStep = TimeSpan.FromMilliseconds(1);

    public static RoutingChoice? Choose(AssignmentMethod method, IReadOnlyCollection<Candidate> candidates, TicketNeeds needs, DateTimeOffset now)
    {
        var able = candidates.Where(c => c.CanTakeWork).ToList();
        if (method == AssignmentMethod.Manual || able.Count == 0) return null;
        var (chosen, reason) = method switch
        {
            AssignmentMethod.RoundRobin => RoundRobin(able),
            AssignmentMethod.LeastLoaded => LeastLoaded(able, "least loaded", Agents(able.Count)),
            AssignmentMethod.SkillsBased => SkillsBased(able, needs),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };
        return new RoutingChoice(chosen.UserId, reason, NextStamp(candidates, now));
    }

    /// <summary>
    /// Now, or just after the latest stamp in the team when that is later (a clock that stood still
    /// or went back): each auto-assignment's stamp is later than every earlier one, so turns never tie.
    /// </summary>
    public static DateTimeOffset NextStamp(IEnumerable<Candidate> candidates, DateTimeOffset now)
    {
        var latest = candidates.Max(c => c.LastAssignedAt);
        return latest is { } last && last + StampStep > now ? last + StampStep : now;
    }

    /// <summary>How many of the ticket's needs the skills meet: its language, its service, and each of its tags.</summary>
    public static int Matches(IReadOnlyCollection<Skill> skills, TicketNeeds needs)
    {
        var score = 0;
        if (needs.Language is { } language && skills.Any(s => s.Kind == SkillKind.Language && SameLanguage(s.Value, language))) score++;
        if (needs.ServiceId is { } service
            && skills.Any(s => s.Kind == SkillKind.Service && s.Value == service.ToString(CultureInfo.InvariantCulture))) score++;
        score += needs.Tags.Count(tag => skills.Any(s => s.Kind == SkillKind.Tag && string.Equals(s.Value, tag, StringComparison.OrdinalIgnoreCase)));
        return score;
    }

    /// <summary>Languages match on their primary subtag: a French speaker ("fr") answers "fr-CA" and "fr-FR" alike.</summary>
    public static bool SameLanguage(string skill, string language) =>
        string.Equals(Primary(skill), Primary(language), StringComparison.OrdinalIgnoreCase);

    private static string Primary(string tag) => tag.Split('-', 2)[0];

    private static (Candidate, string) RoundRobin(List<Candidate> able)
    {
        var chosen = able.OrderBy(c => c.LastAssignedAt ?? DateTimeOffset.MinValue).ThenBy(c => c.UserId).First();
        return (chosen, $"round robin: next in turn of {Agents(able.Count)}");
    }

    private static (Candidate, string) LeastLoaded(List<Candidate> pool, string method, string among)
    {
        var chosen = pool.OrderBy(c => c.Load).ThenBy(c => c.LastAssignedAt ?? DateTimeOffset.MinValue).ThenBy(c => c.UserId).First();
        return (chosen, $"{method}: load {chosen.Load}, the lowest of {among}");
    }

    /// <summary>
    /// The agents meeting the most of the ticket's needs, then the least loaded of them. When nobody
    /// meets any need (or the ticket has none) the whole team is considered, least loaded first:
    /// a ticket nobody is skilled for still needs someone, and the queue would hide it.
    /// </summary>
    private static (Candidate, string) SkillsBased(List<Candidate> able, TicketNeeds needs)
    {
        var scored = able.Select(c => (Candidate: c, Score: Matches(c.Skills, needs))).ToList();
        var best = scored.Max(s => s.Score);
        if (best == 0)
        {
            var why = Describe(needs) is { Length: > 0 } wanted ? $"nobody available has the skills ({wanted})" : "the ticket asks for no skill";
            return LeastLoaded(able, $"skills based: {why}; least loaded instead", Agents(able.Count));
        }
        var matching = scored.Where(s => s.Score == best).Select(s => s.Candidate).ToList();
        return LeastLoaded(matching, $"skills based: meets {best} of {Count(needs)} needs ({Describe(needs)})",
            Agents(matching.Count) + " with these skills");
    }

    private static int Count(TicketNeeds needs) => (needs.Language is null ? 0 : 1) + (needs.ServiceId is null ? 0 : 1) + needs.Tags.Count;

    private static string Describe(TicketNeeds needs) => string.Join(", ", new[]
    {
        needs.Language is { } language ? $"language {language}" : null,
        needs.ServiceId is { } service ? $"service {service.ToString(CultureInfo.InvariantCulture)}" : null,
    }.Concat(needs.Tags.Select(t => $"tag {t}")).OfType<string>());

    private static string Agents(int count) => count == 1 ? "1 available agent" : $"{count} available agents";
}
