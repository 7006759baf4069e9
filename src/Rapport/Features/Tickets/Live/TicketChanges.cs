using System.Threading.Channels;
using System.Collections.Concurrent;

namespace Rapport.Features.Tickets.Live;

/// <summary>What happened to a ticket, for pages that have it open.</summary>
public enum TicketChangeKind { Changed, Presence }

/// <summary>
/// Tells open pages that a ticket changed, so they fetch the new state. In-process: with
/// several app instances each one only hears its own changes (PostgreSQL LISTEN/NOTIFY is the
/// planned bridge); the page still shows the truth on its next load.
/// </summary>
public sealed class TicketChanges
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Guid, System.Threading.Channels.Channel<TicketChangeKind>>> _listeners = new();

    public void Publish(long ticketNumber, TicketChangeKind kind = TicketChangeKind.Changed)
    {
        if (!_listeners.TryGetValue(ticketNumber, out var listeners)) return;
        foreach (var channel in listeners.Values) channel.Writer.TryWrite(kind);
    }

    /// <summary>Listens until the token is cancelled (the page closed its connection).</summary>
    public async IAsyncEnumerable<TicketChangeKind> ListenAsync(long ticketNumber, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        // A slow page only needs to know that something changed, not every change.
        var channel = System.Threading.Channels.Channel.CreateBounded<TicketChangeKind>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        var listeners = _listeners.GetOrAdd(ticketNumber, _ => new());
        listeners[id] = channel;
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(ct)) yield return change;
        }
        finally
        {
            listeners.TryRemove(id, out _);
            if (listeners.IsEmpty) _listeners.TryRemove(new KeyValuePair<long, ConcurrentDictionary<Guid, System.Threading.Channels.Channel<TicketChangeKind>>>(ticketNumber, listeners));
        }
    }
}
