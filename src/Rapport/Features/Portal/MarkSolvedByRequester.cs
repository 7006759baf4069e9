using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Portal;

/// <summary>
/// The one status change a customer may make: telling us their request is solved. It goes
/// through the same status rules as staff changes (an unassigned ticket cannot be solved) and
/// is audited like any other change.
/// </summary>
public sealed class MarkSolvedByRequester(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Whether the portal offers the button: someone is working on it and it is not finished.</summary>
    public static bool IsOffered(TicketDto ticket, Actor actor) =>
        actor.IsCustomer && ticket.Requester.Id == actor.CustomerId && ticket.Assignee is not null
        && ticket.Status is not (TicketStatus.Solved or TicketStatus.Closed);

    public async Task<Result<long>> ExecuteAsync(long number, Actor actor, CancellationToken ct)
    {
        if (!actor.IsCustomer) return new ForbiddenError("Staff set the status on the ticket page.");
        var ticket = await db.Tickets.VisibleTo(actor, db).SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null) return new TicketNotFound(number);
        if (ticket.RequesterId != actor.CustomerId) return new ForbiddenError("Only the person who asked can mark this request solved.");
        if (ticket.Status == TicketStatus.Solved) return number;
        var refusal = TicketStatusRules.RefusalFor(ticket.Status, TicketStatus.Solved, ticket.AssigneeId is not null);
        if (refusal is not null) return new TransitionRefused(refusal);

        var before = ticket.Status;
        var now = clock.GetUtcNow();
        TicketStatusRules.Apply(ticket, TicketStatus.Solved, now);
        ticket.UpdatedAt = now;
        ticket.Version++;
        audit.Record(actor, "ticket", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "updated",
            new AuditChanges().Set("status", before, ticket.Status), ticketNumber: number, customerId: ticket.RequesterId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new StaleTicketVersion(number);
        }
        return number;
    }
}
