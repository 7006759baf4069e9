using Rapport.Features.Tickets;

namespace Rapport.Features.Complaints;

public sealed record RootCauseRef(string Key, string Name);

public sealed record ComplaintDeadlineDto(ComplaintDeadline Deadline, DateTimeOffset DueAt, DateTimeOffset? MetAt, bool Overdue, DateTimeOffset? EscalatedAt);

/// <param name="HasPublicReply">Whether staff have replied publicly, so the first reply can count as the acknowledgement.</param>
/// <param name="SolveRefusal">Why the ticket cannot be solved yet; null once it can.</param>
public sealed record ComplaintDto(
    long TicketNumber,
    ComplaintStage Stage,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset RespondBy,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? InvestigatingAt,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? RespondedAt,
    IReadOnlyList<ComplaintDeadlineDto> Deadlines,
    RootCauseRef? RootCause,
    string? Remedy,
    ComplaintDecision? Decision,
    string? DecisionNotes,
    RemedyResponse? CustomerResponse,
    DateTimeOffset? CustomerRespondedAt,
    bool HasPublicReply,
    string? SolveRefusal,
    DateTimeOffset UpdatedAt);

/// <summary>One open complaint in the supervisors' list.</summary>
public sealed record ComplaintSummaryDto(
    long TicketNumber,
    string Subject,
    TicketStatus Status,
    ComplaintStage Stage,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? NextDeadlineAt,
    bool Overdue,
    NamedRef? Team,
    PersonRef? Assignee,
    int EscalationLevel);

public static class ComplaintProjections
{
    public static ComplaintDto ToDto(Complaint complaint, string? rootCauseName, DateTimeOffset? firstReplyAt, DateTimeOffset now) => new(
        complaint.TicketNumber,
        complaint.Stage,
        complaint.ReceivedAt,
        complaint.AcknowledgeBy,
        complaint.RespondBy,
        complaint.AcknowledgedAt,
        complaint.InvestigatingAt,
        complaint.DecidedAt,
        complaint.RespondedAt,
        [.. ComplaintDeadlines.Of(complaint).Select(d => new ComplaintDeadlineDto(d.Deadline, d.DueAt, d.MetAt, d.IsOverdue(now), d.EscalatedAt))],
        complaint.RootCauseKey is { } key ? new RootCauseRef(key, rootCauseName ?? key) : null,
        complaint.Remedy,
        complaint.Decision,
        complaint.DecisionNotes,
        complaint.CustomerResponse,
        complaint.CustomerRespondedAt,
        firstReplyAt is not null,
        ComplaintRules.RefusalToSolve(ComplaintFacts.Of(complaint, firstReplyAt)),
        complaint.UpdatedAt);
}
