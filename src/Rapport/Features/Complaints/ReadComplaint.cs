using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints;

/// <summary>A ticket's complaint, for staff only: customers never see root causes, decisions or notes.</summary>
public sealed class ReadComplaint(RapportDbContext db, TimeProvider clock)
{
    public async Task<Result<ComplaintDto>> ExecuteAsync(long number, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff see complaints.");
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(actor, db).Where(t => t.Number == number)
            .Select(t => new { t.Type, t.FirstRespondedAt, t.CreatedAt }).SingleOrDefaultAsync(ct);
        if (ticket is null) return new TicketNotFound(number);
        if (ticket.Type != TicketType.Complaint) return new NotAComplaint(number);
        var found = await db.Complaints.AsNoTracking().Where(c => c.TicketNumber == number)
            .Select(c => new { Complaint = c, RootCauseName = c.RootCause == null ? null : c.RootCause.Name }).SingleOrDefaultAsync(ct);
        // A complaint ticket that arrived without its procedure (imported, or demo data) shows as received; the
        // first change, or the sweep, opens it for real.
        var complaint = found?.Complaint ?? await ComplaintIntake.NewAsync(db, number, ticket.CreatedAt, ct);
        return ComplaintProjections.ToDto(complaint, found?.RootCauseName, ticket.FirstRespondedAt, clock.GetUtcNow());
    }
}
