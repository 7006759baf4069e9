using System.Globalization;
using System.Text.Json;
using Rapport.Features.Access;
using Rapport.Features.Conditions;
using Rapport.Features.Tickets.Views.Saved;

namespace Rapport.Features.Tickets.Views;

/// <summary>Every view an actor can open: the built-in ones, then the saved ones they may see, keyed by their id.</summary>
public sealed class ViewCatalogue(SavedViews saved)
{
    public async Task<List<AgentView>> ForAsync(Actor actor, CancellationToken ct) =>
        [.. AgentViews.All, .. (await saved.ListAsync(actor, ct)).Select(ToView)];

    /// <summary>A built-in view by its key, or a saved one by its id; null when there is none the actor may see.</summary>
    public async Task<AgentView?> FindAsync(string? key, Actor actor, CancellationToken ct)
    {
        if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return AgentViews.Find(key);
        var view = await saved.GetAsync(id, actor, ct);
        return view.Succeeded ? ToView(view.Value!) : null;
    }

    public static AgentView ToView(SavedViewDto view)
    {
        var sort = ViewSorts.ToTicketSort(view.Sort.Field, view.Sort.Direction);
        return new AgentView(view.Id.ToString(CultureInfo.InvariantCulture), view.Name, _ => new TicketFilter(Sort: sort, Conditions: view.Conditions))
        {
            Columns = view.Columns, Saved = view, DependsOnUser = MentionsMe(view.Conditions),
        };
    }

    /// <summary>Whether a condition stands for the one looking ("assignee is me"), so the tickets differ by who looks.</summary>
    public static bool MentionsMe(ConditionSet set) => set.All.Concat(set.Any).Any(c => c.Value is { } value && value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() == "me",
        JsonValueKind.Array => value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == "me"),
        _ => false,
    });
}
