using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Notifications;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Live;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Authority;

/// <summary>
/// Approves or rejects a pending commitment. Only someone whose role's limit covers it may, never the requester; a
/// rejection needs a reason. The requester is told, and the decision is audited on the ticket.
/// </summary>
public sealed class DecideApproval(RapportDbContext db, AuthorityLimits limits, AuditLog audit, Notify notify, TimeProvider clock, TicketChanges live)
{
    public async Task<Result<CommitmentDto>> ExecuteAsync(long id, bool approve, DecideApprovalRequest request, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff decide approval requests.");
        var tickets = db.Tickets.VisibleTo(actor, db);
        var found = await db.Commitments.Where(c => c.Id == id)
            .Join(tickets, c => c.TicketNumber, t => t.Number, (c, t) => new { Commitment = c, t.Subject, t.RequesterId }).SingleOrDefaultAsync(ct);
        if (found is null) return new CommitmentNotFound(id);
        var commitment = found.Commitment;
        var check = new Validator();
        if (approve) check.Text("reason", request.Reason, CommitmentLimits.ReasonLength, multiline: true);
        else check.Required("reason", request.Reason, CommitmentLimits.ReasonLength, multiline: true);
        if (!check.IsValid) return check.ToError();
        if (commitment.State != CommitmentState.Pending) return new AlreadyDecided(id, commitment.State, commitment.DecidedByName);
        if ((await limits.BookAsync(ct)).RefusalToDecide(actor, commitment.Ask, commitment.RequestedById) is { } refusal) return refusal;

        var now = clock.GetUtcNow();
        commitment.State = approve ? CommitmentState.Approved : CommitmentState.Rejected;
        (commitment.DecidedById, commitment.DecidedByName, commitment.DecidedAt) = (actor.UserId, actor.Name, now);
        commitment.DecisionReason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        commitment.Version++;
        var summary = ReadCommitments.Summary(commitment, limits.Currency);
        var verb = approve ? "approved" : "rejected";
        audit.Record(actor, "commitment", id.ToString(CultureInfo.InvariantCulture), verb,
            new AuditChanges().Set("state", CommitmentState.Pending, commitment.State).Set("what", null, summary).Set("reason", null, commitment.DecisionReason),
            ticketNumber: commitment.TicketNumber, customerId: found.RequesterId);
        if (commitment.RequestedById is { } requester)
            notify.People([requester], "approval_decided",
                $"#{commitment.TicketNumber}: your request for a {summary.ToLowerInvariant()} was {verb} by {actor.Name}{(commitment.DecisionReason is { } why ? ": " + why : ".")}",
                commitment.TicketNumber, actor.UserId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.Commitments.AsNoTracking().SingleAsync(c => c.Id == id, ct);
            return new AlreadyDecided(id, stored.State, stored.DecidedByName);
        }
        live.Publish(commitment.TicketNumber);
        return ReadCommitments.ToDto(commitment, found.Subject, limits.Currency);
    }
}
