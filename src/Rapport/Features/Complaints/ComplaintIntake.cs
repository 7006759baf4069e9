using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Complaints.Deadlines;
using Rapport.Features.Tickets;

namespace Rapport.Features.Complaints;

/// <summary>
/// Opens the complaint procedure of a ticket of type complaint, with its deadlines worked out from the
/// rules at receipt. Called by the use cases that create a ticket or change its type, in their unit of
/// work, so the ticket and its complaint are written together.
/// </summary>
public static class ComplaintIntake
{
    private static readonly string[] Keys = [DeadlineKeys.ComplaintAcknowledgement, DeadlineKeys.ComplaintFinalResponse];

    /// <summary>
    /// Opens the complaint when the ticket is a complaint without one. A ticket that becomes a complaint again
    /// resumes its earlier procedure and deadlines. The ticket must have its number (be saved) already.
    /// </summary>
    public static async Task OpenIfComplaintAsync(RapportDbContext db, AuditLog audit, Ticket ticket, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (ticket.Type != TicketType.Complaint) return;
        var existing = await db.Complaints.SingleOrDefaultAsync(c => c.TicketNumber == ticket.Number, ct);
        if (existing is not null)
        {
            ComplaintDeadlines.Refresh(existing);
            return;
        }
        Open(db, audit, await NewAsync(db, ticket.Number, now, ct), actor, ticket.RequesterId);
    }

    /// <summary>A complaint received at <paramref name="receivedAt"/>, not yet added to the context.</summary>
    public static async Task<Complaint> NewAsync(RapportDbContext db, long ticketNumber, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var book = await DeadlineBook.LoadAsync(db, Keys, ct);
        var complaint = new Complaint
        {
            TicketNumber = ticketNumber,
            Stage = ComplaintStage.Received,
            ReceivedAt = receivedAt,
            AcknowledgeBy = book.DueAt(DeadlineKeys.ComplaintAcknowledgement, receivedAt),
            RespondBy = book.DueAt(DeadlineKeys.ComplaintFinalResponse, receivedAt),
            UpdatedAt = receivedAt,
            Version = 1,
        };
        ComplaintDeadlines.Refresh(complaint);
        return complaint;
    }

    /// <summary>Adds the complaint and its audit event to the unit of work.</summary>
    public static void Open(RapportDbContext db, AuditLog audit, Complaint complaint, Actor actor, long customerId)
    {
        db.Complaints.Add(complaint);
        audit.Record(actor, "complaint", complaint.TicketNumber.ToString(CultureInfo.InvariantCulture), "opened",
            new AuditChanges()
                .Set("stage", null, complaint.Stage)
                .Set("receivedAt", null, complaint.ReceivedAt)
                .Set("acknowledgeBy", null, complaint.AcknowledgeBy)
                .Set("respondBy", null, complaint.RespondBy),
            ticketNumber: complaint.TicketNumber, customerId: customerId);
    }
}
