using System.Collections.Concurrent;

namespace Rapport.Features.Tickets.Live;

public enum PresenceState { Viewing, Typing }

public sealed record Colleague(Guid UserId, string Name, PresenceState State);

/// <summary>
/// Who has a ticket open, and who is writing a reply, so two people do not answer the same
/// customer at once. Pages report in every few seconds; silence for <see cref="Expiry"/> means gone.
/// </summary>
public sealed class TicketPresence(TimeProvider clock, TicketChanges changes)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Guid, (string Name, PresenceState State, DateTimeOffset Seen)>> _tickets = new();

    public void Report(long ticketNumber, Guid userId, string name, PresenceState state)
    {
        var people = _tickets.GetOrAdd(ticketNumber, _ => new());
        var isNews = !people.TryGetValue(userId, out var before) || before.State != state;
        people[userId] = (name, state, clock.GetUtcNow());
        if (isNews) changes.Publish(ticketNumber, TicketChangeKind.Presence);
    }

    public void Leave(long ticketNumber, Guid userId)
    {
        if (_tickets.TryGetValue(ticketNumber, out var people) && people.TryRemove(userId, out _))
            changes.Publish(ticketNumber, TicketChangeKind.Presence);
    }

    /// <summary>Everyone else on the ticket right now.</summary>
    public IReadOnlyList<Colleague> Others(long ticketNumber, Guid me)
    {
        if (!_tickets.TryGetValue(ticketNumber, out var people)) return [];
        var cutoff = clock.GetUtcNow() - Expiry;
        foreach (var (id, entry) in people) if (entry.Seen < cutoff) people.TryRemove(id, out _);
        return people.Where(p => p.Key != me).Select(p => new Colleague(p.Key, p.Value.Name, p.Value.State))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}
