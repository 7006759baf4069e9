using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Tickets;

namespace Rapport.Features.Complaints;

/// <summary>The complaint rule every path that solves a ticket asks, beside <see cref="TicketStatusRules"/>.</summary>
public static class ComplaintSolving
{
    /// <summary>Why the ticket cannot go from <paramref name="from"/> to <paramref name="to"/> as a complaint, or null.</summary>
    public static async Task<string?> RefusalAsync(RapportDbContext db, Ticket ticket, TicketStatus from, TicketStatus to, CancellationToken ct)
    {
        if (ticket.Type != TicketType.Complaint || to != TicketStatus.Solved || from == TicketStatus.Solved) return null;
        var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.TicketNumber == ticket.Number, ct);
        return ComplaintRules.RefusalToSolve(complaint is null ? null : ComplaintFacts.Of(complaint, ticket.FirstRespondedAt));
    }
}
