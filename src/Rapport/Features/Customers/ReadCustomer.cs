using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

/// <summary>
/// Reads one customer record, their tickets and their history. Staff see every customer; a
/// customer sees only themselves, and any other id answers as if it did not exist.
/// </summary>
public sealed class ReadCustomer(RapportDbContext db, ListTickets tickets)
{
    public async Task<Result<CustomerDto>> ExecuteAsync(long id, Actor actor, CancellationToken ct)
    {
        if (!MaySee(id, actor)) return new CustomerNotFound(id);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == id).ToDto().SingleOrDefaultAsync(ct);
        return customer is null ? new CustomerNotFound(id) : customer;
    }

    /// <summary>The customer's tickets through the ticket visibility filter, so a restricted team's tickets stay hidden.</summary>
    public async Task<Result<Page<TicketDto>>> TicketsAsync(long id, TicketFilter filter, Actor actor, CancellationToken ct)
    {
        if (!MaySee(id, actor) || !await db.Customers.AnyAsync(c => c.Id == id, ct)) return new CustomerNotFound(id);
        return await tickets.ExecuteAsync(filter with { Requester = id }, actor, ct);
    }

    /// <summary>Every audited change that concerns the customer, including those to their tickets.</summary>
    public async Task<Result<Page<AuditEventDto>>> AuditAsync(long id, Actor actor, int? limit, string? cursor, CancellationToken ct)
    {
        if (!actor.IsStaff || !await db.Customers.AnyAsync(c => c.Id == id, ct)) return new CustomerNotFound(id);
        return await AuditTrail.PageAsync(db.AuditEvents.Where(a => a.CustomerId == id), limit, cursor, ct);
    }

    private static bool MaySee(long id, Actor actor) => actor.IsStaff || actor.CustomerId == id;
}
