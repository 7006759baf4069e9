using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Conditions;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets;

public sealed record TicketFilter(
    TicketStatus[]? Status = null,
    string? Assignee = null,
    string? Team = null,
    long? Requester = null,
    Priority? Priority = null,
    TicketType? Type = null,
    DateTimeOffset? UpdatedSince = null,
    int? Limit = null,
    string? Cursor = null,
    bool MyTeams = false,
    Channel? Channel = null,
    string? Tag = null,
    TicketSort Sort = TicketSort.UpdatedDesc,
    ConditionSet? Conditions = null);

/// <summary>
/// The orders a list can take. Each is keyset-pageable on an index: "created" orders by the
/// number, which the database hands out in creation order; "sla due" lists only tickets with a
/// running service-level clock, the most urgent (or most overdue) first.
/// </summary>
public enum TicketSort { UpdatedDesc, UpdatedAsc, CreatedDesc, CreatedAsc, SlaDue }

/// <summary>A page of the tickets the actor may see, newest activity first, paged by keyset cursor.</summary>
public sealed class ListTickets(RapportDbContext db, TimeProvider clock)
{
    public async Task<Result<Page<TicketDto>>> ExecuteAsync(TicketFilter filter, Actor actor, CancellationToken ct)
    {
        var check = new Validator();
        var query = Filtered(filter, actor, check);

        Cursor? after = null;
        if (filter.Cursor is not null)
        {
            if (Cursor.TryDecode(filter.Cursor, out var cursor)) after = cursor;
            else check.Add("cursor", PageLimits.UnknownCursor);
        }
        PageLimits.Check(filter.Limit, check);
        if (filter.Sort == TicketSort.SlaDue && !actor.IsStaff) check.Add("sort", "Only staff can order by service-level due time.");
        if (!check.IsValid) return check.ToError();

        var limit = PageLimits.Clamp(filter.Limit);
        // The page's numbers first, from the index alone; then only those rows with their names and tags.
        // Sorting whole rows would read every matching ticket from the table to find the first 25.
        var numbers = await Ordered(query, filter.Sort, after).Select(t => t.Number).Take(limit + 1).ToListAsync(ct);
        var found = (await db.WithTagsAndFollowersAsync(
                await db.Tickets.AsNoTracking().VisibleTo(actor, db).Where(t => numbers.Contains(t.Number)).ToDto().ToListAsync(ct), ct))
            .ToDictionary(t => t.Number);
        // Customers see their requests, not the organisation's internal due times.
        var rows = numbers.Where(found.ContainsKey).Select(n => actor.IsStaff ? found[n] : found[n] with { SlaDueAt = null }).ToList();
        string? next = null;
        if (rows.Count > limit)
        {
            var last = rows[limit - 1];
            next = (filter.Sort switch
            {
                TicketSort.UpdatedDesc or TicketSort.UpdatedAsc => Cursor.From(last.UpdatedAt, last.Number),
                TicketSort.SlaDue => Cursor.From(found[last.Number].SlaDueAt!.Value, last.Number),
                _ => new Cursor(0, last.Number),
            }).Encode();
        }
        return new Page<TicketDto>(rows.Take(limit).ToList(), next);
    }

    /// <summary>Orders the list and starts it after the cursor; the redundant first bounds let the index seek to it.</summary>
    private static IQueryable<Ticket> Ordered(IQueryable<Ticket> query, TicketSort sort, Cursor? cursor)
    {
        if (cursor is { } c)
        {
            var at = c.SortKeyAsTime;
            var number = c.Id;
            query = sort switch
            {
                TicketSort.UpdatedDesc => query.Where(t => t.UpdatedAt <= at && (t.UpdatedAt < at || (t.UpdatedAt == at && t.Number < number))),
                TicketSort.UpdatedAsc => query.Where(t => t.UpdatedAt >= at && (t.UpdatedAt > at || (t.UpdatedAt == at && t.Number > number))),
                TicketSort.CreatedDesc => query.Where(t => t.Number < number),
                TicketSort.SlaDue => query.Where(t => t.SlaDueAt >= at && (t.SlaDueAt > at || (t.SlaDueAt == at && t.Number > number))),
                TicketSort.CreatedAsc => query.Where(t => t.Number > number),
                _ => query,
            };
        }
        return sort switch
        {
            TicketSort.UpdatedAsc => query.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Number),
            TicketSort.CreatedDesc => query.OrderByDescending(t => t.Number),
            TicketSort.CreatedAsc => query.OrderBy(t => t.Number),
            TicketSort.SlaDue => query.OrderBy(t => t.SlaDueAt).ThenBy(t => t.Number),
            _ => query.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Number),
        };
    }

    /// <summary>
    /// How many tickets match, counted no further than <paramref name="cap"/>: a view's badge
    /// says "999+" rather than counting a million rows on every page.
    /// </summary>
    public async Task<int> CountAsync(TicketFilter filter, Actor actor, int cap, CancellationToken ct)
    {
        var query = Filtered(filter, actor, new Validator());
        return await query.Select(t => t.Number).Take(cap).CountAsync(ct);
    }

    private IQueryable<Ticket> Filtered(TicketFilter filter, Actor actor, Validator check)
    {
        var query = db.Tickets.AsNoTracking().VisibleTo(actor, db);
        // A saved view's conditions, validated when it was saved; the filters below narrow it further.
        if (filter.Conditions is { } conditions) query = query.Where(conditions, ConditionContext.For(actor, clock));
        if (filter.Status is { Length: > 0 } statuses) query = query.Where(t => statuses.Contains(t.Status));
        switch (filter.Assignee)
        {
            case null or "": break;
            case "none": query = query.Where(t => t.AssigneeId == null); break;
            case "me": query = query.Where(t => t.AssigneeId == actor.UserId); break;
            case var text when Guid.TryParse(text, out var assigneeId): query = query.Where(t => t.AssigneeId == assigneeId); break;
            default: check.Add("assignee", "Use a user id, 'me' or 'none'."); break;
        }
        switch (filter.Team)
        {
            case null or "": break;
            case "none": query = query.Where(t => t.TeamId == null); break;
            case var text when long.TryParse(text, out var teamId): query = query.Where(t => t.TeamId == teamId); break;
            default: check.Add("team", "Use a team id or 'none'."); break;
        }
        if (filter.Requester is { } requester) query = query.Where(t => t.RequesterId == requester);
        if (filter.MyTeams) query = query.Where(t => db.TeamMembers.Any(m => m.UserId == actor.UserId && m.TeamId == t.TeamId));
        if (filter.Channel is { } channel) query = query.Where(t => t.Channel == channel);
        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = TicketTags.Normalise(filter.Tag);
            query = query.Where(t => t.Tags.Any(g => g.Name == tag));
        }
        if (filter.Priority is { } priority) query = query.Where(t => t.Priority == priority);
        // Ordered by due time, a list holds only tickets with a running clock; its count says the same.
        if (filter.Sort == TicketSort.SlaDue) query = query.Where(t => t.SlaDueAt != null);
        if (filter.Type is { } type) query = query.Where(t => t.Type == type);
        if (filter.UpdatedSince is { } since)
        {
            var utc = since.ToUniversalTime();
            query = query.Where(t => t.UpdatedAt >= utc);
        }
        return query;
    }
}
