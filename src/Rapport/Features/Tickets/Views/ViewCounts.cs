using Microsoft.Extensions.Caching.Memory;
using Rapport.Features.Access;

namespace Rapport.Features.Tickets.Views;

/// <summary>A view's badge: how many tickets it holds, counted no further than the cap.</summary>
public sealed record ViewCountDto(string Key, int Count, bool Capped, string Badge);

/// <summary>
/// The rail's counts, cheap enough for every page at a million tickets: each is capped (at most
/// <see cref="AgentViews.CountCap"/> rows are counted, on the index the view's query uses) and kept for
/// <see cref="Lifetime"/> per view and per who looks. See Views/Saved/README.md.
/// </summary>
public sealed class ViewCounts(ListTickets tickets, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private sealed record Kept(int Count, DateTimeOffset Until);

    public async Task<List<ViewCountDto>> CountAsync(IEnumerable<AgentView> views, Actor actor, CancellationToken ct)
    {
        var counts = new List<ViewCountDto>();
        foreach (var view in views)
        {
            var count = await CountAsync(view, actor, ct);
            counts.Add(new ViewCountDto(view.Key, count, count >= AgentViews.CountCap, AgentViews.Badge(count)));
        }
        return counts;
    }

    private async Task<int> CountAsync(AgentView view, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Those who see every ticket see the same count of a view that does not depend on them; everyone else
        // sees what their teams allow, so theirs is their own. An edited view is a new entry:
        // its definition is part of the key (its time of change is not, as two edits can share one on a coarse clock).
        var who = actor.SeesAllTeams && !view.DependsOnUser ? "all" : actor.UserId?.ToString() ?? "system";
        var key = (nameof(ViewCounts), view.Key, view.Saved?.Conditions.ToJson(), view.Saved?.Sort, who);
        // The entry's own expiry only frees memory; whether it is fresh is read from the clock the app runs on.
        if (cache.TryGetValue(key, out Kept? kept) && kept!.Until > now) return kept.Count;
        var count = await tickets.CountAsync(view.Filter(now), actor, AgentViews.CountCap, ct);
        cache.Set(key, new Kept(count, now + Lifetime), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return count;
    }
}
