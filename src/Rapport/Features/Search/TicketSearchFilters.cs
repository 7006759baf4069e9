using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Tickets;

namespace Rapport.Features.Search;

/// <summary>
/// The query language's fields as ordinary indexed SQL on tickets. Names typed by the agent (a team, an assignee's or
/// requester's address or name) are looked up first; one that names nobody matches no ticket rather than being ignored.
/// </summary>
internal sealed class TicketSearchFilters(RapportDbContext db, Actor actor)
{
    /// <summary>A requester's name may be shared; more than this many customers of that name are not a useful filter.</summary>
    private const int MaxRequestersPerName = 200;

    public async Task<IQueryable<Ticket>> ApplyAsync(IQueryable<Ticket> tickets, SearchQuery query, CancellationToken ct)
    {
        tickets = In(tickets, query.Status, t => t.Status);
        tickets = In(tickets, query.Priority, t => t.Priority);
        tickets = In(tickets, query.Type, t => t.Type);
        tickets = In(tickets, query.Channel, t => t.Channel);
        tickets = Within(tickets, query.Created, isCreated: true);
        tickets = Within(tickets, query.Updated, isCreated: false);

        if (!query.Tag.IsAny)
        {
            var anyOf = query.Tag.AnyOf.Select(TicketTags.Normalise).ToList();
            var noneOf = query.Tag.NoneOf.Select(TicketTags.Normalise).ToList();
            // Every tag named must be on the ticket, as Zendesk reads "tag:a tag:b".
            foreach (var tag in anyOf) tickets = tickets.Where(t => t.Tags.Any(g => g.Name == tag));
            if (noneOf.Count > 0) tickets = tickets.Where(t => !t.Tags.Any(g => noneOf.Contains(g.Name)));
        }
        if (!query.Team.IsAny)
        {
            var (anyOf, anyNone) = await TeamIdsAsync(query.Team.AnyOf, ct);
            var (noneOf, noneNone) = await TeamIdsAsync(query.Team.NoneOf, ct);
            if (query.Team.AnyOf.Count > 0) tickets = tickets.Where(t => (anyNone && t.TeamId == null) || (t.TeamId != null && anyOf.Contains(t.TeamId.Value)));
            if (query.Team.NoneOf.Count > 0) tickets = tickets.Where(t => !(noneNone && t.TeamId == null) && (t.TeamId == null || !noneOf.Contains(t.TeamId.Value)));
        }
        if (!query.Assignee.IsAny)
        {
            var (anyOf, anyNone) = await UserIdsAsync(query.Assignee.AnyOf, ct);
            var (noneOf, noneNone) = await UserIdsAsync(query.Assignee.NoneOf, ct);
            if (query.Assignee.AnyOf.Count > 0) tickets = tickets.Where(t => (anyNone && t.AssigneeId == null) || (t.AssigneeId != null && anyOf.Contains(t.AssigneeId.Value)));
            if (query.Assignee.NoneOf.Count > 0) tickets = tickets.Where(t => !(noneNone && t.AssigneeId == null) && (t.AssigneeId == null || !noneOf.Contains(t.AssigneeId.Value)));
        }
        if (!query.Requester.IsAny)
        {
            var anyOf = await CustomerIdsAsync(query.Requester.AnyOf, ct);
            var noneOf = await CustomerIdsAsync(query.Requester.NoneOf, ct);
            if (query.Requester.AnyOf.Count > 0) tickets = tickets.Where(t => anyOf.Contains(t.RequesterId));
            if (noneOf.Count > 0) tickets = tickets.Where(t => !noneOf.Contains(t.RequesterId));
        }
        return tickets;
    }

    private static IQueryable<Ticket> In<T>(IQueryable<Ticket> tickets, FieldFilter<T> filter, System.Linq.Expressions.Expression<Func<Ticket, T>> field)
    {
        if (filter.AnyOf.Count > 0)
        {
            var anyOf = filter.AnyOf.ToList();
            tickets = tickets.Where(Contains(field, anyOf, negate: false));
        }
        if (filter.NoneOf.Count > 0)
        {
            var noneOf = filter.NoneOf.ToList();
            tickets = tickets.Where(Contains(field, noneOf, negate: true));
        }
        return tickets;
    }

    /// <summary><c>t => values.Contains(field(t))</c>, or its negation, for any field.</summary>
    private static System.Linq.Expressions.Expression<Func<Ticket, bool>> Contains<T>(
        System.Linq.Expressions.Expression<Func<Ticket, T>> field, List<T> values, bool negate)
    {
        var contains = System.Linq.Expressions.Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(T)],
            System.Linq.Expressions.Expression.Constant(values), field.Body);
        System.Linq.Expressions.Expression body = negate ? System.Linq.Expressions.Expression.Not(contains) : contains;
        return System.Linq.Expressions.Expression.Lambda<Func<Ticket, bool>>(body, field.Parameters);
    }

    private static IQueryable<Ticket> Within(IQueryable<Ticket> tickets, TimeWindow window, bool isCreated)
    {
        if (window.From is { } from)
        {
            var utc = from.ToUniversalTime();
            tickets = isCreated ? tickets.Where(t => t.CreatedAt >= utc) : tickets.Where(t => t.UpdatedAt >= utc);
        }
        if (window.Before is { } before)
        {
            var utc = before.ToUniversalTime();
            tickets = isCreated ? tickets.Where(t => t.CreatedAt < utc) : tickets.Where(t => t.UpdatedAt < utc);
        }
        return tickets;
    }

    private async Task<(List<long> Ids, bool None)> TeamIdsAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        var none = names.Any(n => n.Equals("none", StringComparison.OrdinalIgnoreCase));
        var lower = names.Select(n => n.ToLowerInvariant()).ToList();
        if (lower.Count == 0) return ([], none);
        var ids = await db.Teams.Where(t => lower.Contains(t.Name.ToLower())).Select(t => t.Id).ToListAsync(ct);
        return (ids, none);
    }

    private async Task<(List<Guid> Ids, bool None)> UserIdsAsync(IReadOnlyList<string> values, CancellationToken ct)
    {
        var none = values.Any(v => v.Equals("none", StringComparison.OrdinalIgnoreCase));
        var ids = new List<Guid>();
        if (values.Any(v => v.Equals("me", StringComparison.OrdinalIgnoreCase)) && actor.UserId is { } me) ids.Add(me);
        var addresses = values.Where(v => v.Contains('@', StringComparison.Ordinal)).Select(v => v.ToUpperInvariant()).ToList();
        var names = values.Where(v => !v.Contains('@', StringComparison.Ordinal) && v is not ("me" or "none")).Select(v => v.ToLowerInvariant()).ToList();
        if (addresses.Count > 0 || names.Count > 0)
            ids.AddRange(await db.Users.Where(u => addresses.Contains(u.NormalizedEmail!) || names.Contains(u.DisplayName.ToLower())).Select(u => u.Id).ToListAsync(ct));
        return (ids, none);
    }

    private async Task<List<long>> CustomerIdsAsync(IReadOnlyList<string> values, CancellationToken ct)
    {
        if (values.Count == 0) return [];
        var addresses = values.Where(v => v.Contains('@', StringComparison.Ordinal)).Select(v => v.ToLowerInvariant()).ToList();
        var names = values.Where(v => !v.Contains('@', StringComparison.Ordinal)).Select(v => v.ToLowerInvariant()).ToList();
        var ids = await db.CustomerEmails.Where(e => addresses.Contains(e.Address)).Select(e => e.CustomerId).ToListAsync(ct);
        if (names.Count > 0)
            ids.AddRange(await db.Customers.Where(c => names.Contains(c.Name.ToLower())).Select(c => c.Id).Take(MaxRequestersPerName).ToListAsync(ct));
        return ids;
    }
}
