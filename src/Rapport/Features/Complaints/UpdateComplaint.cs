using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Live;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints;

/// <summary>A partial update: only the fields present change. The stage moves after the other fields are set,
/// so one request can record the decision and move to decided; the customer's response is recorded last.</summary>
/// <remarks>Properties rather than defaulted constructor parameters: the OpenAPI document cannot describe a defaulted struct parameter.</remarks>
public sealed record UpdateComplaintRequest
{
    public Optional<ComplaintStage?> Stage { get; init; }
    public Optional<string> RootCause { get; init; }
    public Optional<string> Remedy { get; init; }
    public Optional<ComplaintDecision?> Decision { get; init; }
    public Optional<string> DecisionNotes { get; init; }
    public Optional<RemedyResponse?> CustomerResponse { get; init; }
}

/// <summary>Records a complaint's progress through the procedure, refusing what the rules refuse, and audits each change.</summary>
public sealed class UpdateComplaint(RapportDbContext db, AuditLog audit, TimeProvider clock, TicketChanges live)
{
    public async Task<Result<long>> ExecuteAsync(long number, UpdateComplaintRequest request, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff work on complaints.");
        var ticket = await db.Tickets.VisibleTo(actor, db).Where(t => t.Number == number)
            .Select(t => new { t.Type, t.Status, t.FirstRespondedAt, t.RequesterId, t.CreatedAt }).SingleOrDefaultAsync(ct);
        if (ticket is null) return new TicketNotFound(number);
        if (ticket.Type != TicketType.Complaint) return new NotAComplaint(number);

        var check = new Validator();
        if (request.Stage is { IsSet: true, Value: null }) check.Add("stage", "Stage cannot be empty.");
        if (request.Remedy.IsSet) check.Text("remedy", request.Remedy.Value, ComplaintLimits.TextLength, multiline: true);
        if (request.DecisionNotes.IsSet) check.Text("decisionNotes", request.DecisionNotes.Value, ComplaintLimits.TextLength, multiline: true);
        if (request.CustomerResponse is { IsSet: true, Value: null }) check.Add("customerResponse", "Record accepted or declined.");
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.TicketNumber == number, ct);
        if (request.RootCause is { IsSet: true, Value: { Length: > 0 } key } && key != complaint?.RootCauseKey
            && !await db.ComplaintRootCauses.AnyAsync(c => c.Key == key && c.IsActive, ct))
            check.Add("rootCause", "No active root cause has this key.");
        if (!check.IsValid) return check.ToError();
        if (ticket.Status == TicketStatus.Closed) return new ComplaintStepRefused("A closed ticket is final: its complaint can no longer change.");

        var now = clock.GetUtcNow();
        if (complaint is null)
        {
            // A complaint ticket that arrived without its procedure (imported, or seeded as demo data) starts it now.
            complaint = await ComplaintIntake.NewAsync(db, number, ticket.CreatedAt, ct);
            ComplaintIntake.Open(db, audit, complaint, actor, ticket.RequesterId);
        }
        var refusal = Apply(complaint, request, ticket.FirstRespondedAt, now);
        if (refusal is not null) return new ComplaintStepRefused(refusal);

        var changes = AuditChanges.FromEntry(db.Entry(complaint), nameof(Complaint.TicketNumber), nameof(Complaint.Version),
            nameof(Complaint.UpdatedAt), nameof(Complaint.NextDeadlineAt), nameof(Complaint.EscalateAt));
        if (changes.IsEmpty) return number;
        complaint.UpdatedAt = now;
        complaint.Version++;
        audit.Record(actor, "complaint", number.ToString(CultureInfo.InvariantCulture), "updated", changes,
            ticketNumber: number, customerId: ticket.RequesterId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ComplaintChangedConcurrently(number);
        }
        live.Publish(number);
        return number;
    }

    /// <summary>Sets the fields, then the stage, then the customer's response; the first refusal stops it.</summary>
    private static string? Apply(Complaint complaint, UpdateComplaintRequest request, DateTimeOffset? firstReplyAt, DateTimeOffset now)
    {
        if (request.RootCause.IsSet) complaint.RootCauseKey = Clean(request.RootCause.Value);
        if (request.Remedy.IsSet) complaint.Remedy = Clean(request.Remedy.Value);
        if (request.Decision.IsSet) complaint.Decision = request.Decision.Value;
        if (request.DecisionNotes.IsSet) complaint.DecisionNotes = Clean(request.DecisionNotes.Value);
        if (complaint.RootCauseKey is null && ComplaintRules.RefusalToClear(complaint.Stage, "root cause") is { } noCause) return noCause;
        if (complaint.Remedy is null && ComplaintRules.RefusalToClear(complaint.Stage, "remedy") is { } noRemedy) return noRemedy;
        if (complaint.Decision is null && ComplaintRules.RefusalToClear(complaint.Stage, "decision") is { } noDecision) return noDecision;

        if (request.Stage.Value is { } stage)
        {
            if (ComplaintRules.RefusalToMove(ComplaintFacts.Of(complaint, firstReplyAt), stage) is { } refused) return refused;
            ComplaintRules.Move(complaint, stage, now, firstReplyAt);
        }
        if (request.CustomerResponse.Value is { } answer && answer != complaint.CustomerResponse)
        {
            if (ComplaintRules.RefusalToRecordResponse(complaint.Stage) is { } refused) return refused;
            complaint.CustomerResponse = answer;
            complaint.CustomerRespondedAt = now;
        }
        ComplaintDeadlines.Refresh(complaint);
        return null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
