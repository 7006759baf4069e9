using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints;

/// <summary>
/// Open complaints (the ticket is a complaint and not solved) the actor may see, nearest deadline first, so
/// overdue ones lead; complaints with no deadline left to meet (responded, waiting for the customer) come last.
/// Paged by keyset cursor over (next deadline, number), then by number for the ones without a deadline.
/// </summary>
public sealed class ListOpenComplaints(RapportDbContext db, TimeProvider clock)
{
    private static readonly TicketStatus[] Unsolved = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];

    // Sort key of the cursor once the list has reached the complaints without a deadline.
    private const long NoDeadline = long.MaxValue;

    public async Task<Result<Page<ComplaintSummaryDto>>> ExecuteAsync(Actor actor, int? limit, string? cursor, CancellationToken ct)
    {
        var check = new Validator();
        PageLimits.Check(limit, check);
        Cursor? after = null;
        if (cursor is not null)
        {
            if (Cursor.TryDecode(cursor, out var decoded) && (decoded.SortKey == NoDeadline || decoded.SortKey is >= 0 and <= 3155378975999999999))
                after = decoded;
            else check.Add("cursor", PageLimits.UnknownCursor);
        }
        if (!check.IsValid) return check.ToError();

        var take = PageLimits.Clamp(limit);
        var open = from c in db.Complaints.AsNoTracking()
                   join t in db.Tickets.VisibleTo(actor, db) on c.TicketNumber equals t.Number
                   where t.Type == TicketType.Complaint && Unsolved.Contains(t.Status)
                   select c;
        var numbers = new List<long>();
        if (after is not { SortKey: NoDeadline })
        {
            var dated = open.Where(c => c.NextDeadlineAt != null);
            if (after is { } a)
            {
                var at = a.SortKeyAsTime;
                dated = dated.Where(c => c.NextDeadlineAt >= at && (c.NextDeadlineAt > at || c.TicketNumber > a.Id));
            }
            numbers.AddRange(await dated.OrderBy(c => c.NextDeadlineAt).ThenBy(c => c.TicketNumber).Select(c => c.TicketNumber).Take(take + 1).ToListAsync(ct));
        }
        if (numbers.Count <= take)
        {
            var undated = open.Where(c => c.NextDeadlineAt == null);
            if (after is { SortKey: NoDeadline, Id: var lastNumber }) undated = undated.Where(c => c.TicketNumber > lastNumber);
            numbers.AddRange(await undated.OrderBy(c => c.TicketNumber).Select(c => c.TicketNumber).Take(take + 1 - numbers.Count).ToListAsync(ct));
        }

        var now = clock.GetUtcNow();
        var page = numbers.Take(take).ToList();
        var rows = await db.Complaints.AsNoTracking().Where(c => page.Contains(c.TicketNumber)).Select(c => new ComplaintSummaryDto(
            c.TicketNumber,
            c.Ticket.Subject,
            c.Ticket.Status,
            c.Stage,
            c.ReceivedAt,
            c.NextDeadlineAt,
            c.NextDeadlineAt != null && c.NextDeadlineAt < now,
            c.Ticket.TeamId == null ? null : new NamedRef(c.Ticket.Team!.Id, c.Ticket.Team.Name),
            c.Ticket.AssigneeId == null ? null : new PersonRef(c.Ticket.Assignee!.Id, c.Ticket.Assignee.DisplayName),
            c.Ticket.EscalationLevel)).ToDictionaryAsync(c => c.TicketNumber, ct);
        var items = page.Where(rows.ContainsKey).Select(n => rows[n]).ToList();
        string? next = null;
        if (numbers.Count > take && items.Count > 0)
        {
            var last = items[^1];
            next = (last.NextDeadlineAt is { } due ? Cursor.From(due, last.TicketNumber) : new Cursor(NoDeadline, last.TicketNumber)).Encode();
        }
        return new Page<ComplaintSummaryDto>(items, next);
    }
}
