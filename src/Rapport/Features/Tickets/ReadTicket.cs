using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.ServiceLevels;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets;

/// <summary>Reads one ticket, its conversation and its history, each through the visibility filter.</summary>
public sealed class ReadTicket(RapportDbContext db, TicketSlaReadModel sla)
{
    /// <summary>The customers copied in on a ticket the caller has read (an email's Cc), by name.</summary>
    public Task<List<NamedRef>> CopiedInAsync(long number, CancellationToken ct) =>
        (from c in db.TicketCcs
         where c.TicketNumber == number
         join customer in db.Customers on c.CustomerId equals customer.Id
         orderby customer.Name
         select new NamedRef(customer.Id, customer.Name)).ToListAsync(ct);

    public async Task<Result<TicketDto>> ExecuteAsync(long number, Actor actor, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(actor, db).Where(t => t.Number == number).ToDto().SingleOrDefaultAsync(ct);
        if (ticket is null) return new TicketNotFound(number);
        ticket = (await db.WithTagsAndFollowersAsync([ticket], ct))[0];
        // Customers see their request's state, not the organisation's internal targets.
        return actor.IsStaff ? ticket with { Sla = await sla.ForTicketAsync(number, ct) } : ticket with { SlaDueAt = null };
    }

    public async Task<Result<Page<MessageDto>>> MessagesAsync(long number, Actor actor, int? limit, string? cursorText, CancellationToken ct)
    {
        var check = new Validator();
        PageLimits.Check(limit, check);
        if (!check.IsValid) return check.ToError();
        if (!await db.Tickets.VisibleTo(actor, db).AnyAsync(t => t.Number == number, ct)) return new TicketNotFound(number);
        var query = db.Messages.AsNoTracking().Where(m => m.TicketNumber == number).VisibleTo(actor);
        if (cursorText is not null)
        {
            if (!Cursor.TryDecode(cursorText, out var cursor)) return ValidationError.For("cursor", PageLimits.UnknownCursor);
            query = query.Where(m => m.Id > cursor.Id);
        }
        // A conversation reads oldest first; the id orders messages as they were stored.
        var take = PageLimits.Clamp(limit ?? PageLimits.Max);
        var rows = await query.OrderBy(m => m.Id).Take(take + 1).ToDto().ToListAsync(ct);
        var next = rows.Count > take ? new Cursor(0, rows[take - 1].Id).Encode() : null;
        return new Page<MessageDto>(rows.Take(take).ToList(), next);
    }

    public async Task<Result<Page<AuditEventDto>>> AuditAsync(long number, Actor actor, int? limit, string? cursorText, CancellationToken ct)
    {
        if (!actor.IsStaff) return new TicketNotFound(number);
        if (!await db.Tickets.VisibleTo(actor, db).AnyAsync(t => t.Number == number, ct)) return new TicketNotFound(number);
        return await AuditTrail.PageAsync(db.AuditEvents.Where(a => a.TicketNumber == number), limit, cursorText, ct);
    }
}
