using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Authority;

/// <summary>
/// A commitment: for money kinds the amount (two places, in <see cref="Currency"/>), for a delivery promise the date and
/// how many days ahead it was when asked. <see cref="Summary"/> says it in words: "Refund of 900.00 EUR".
/// </summary>
public sealed record CommitmentDto(
    long Id,
    long TicketNumber,
    string TicketSubject,
    CommitmentKind Kind,
    decimal? Amount,
    string? Currency,
    DateOnly? PromisedDate,
    int? DaysAhead,
    string Summary,
    string Description,
    CommitmentState State,
    bool WithinAuthority,
    PersonRef? RequestedBy,
    string RequestedByName,
    Role RequestedByRole,
    DateTimeOffset RequestedAt,
    string? DecidedByName,
    DateTimeOffset? DecidedAt,
    string? DecisionReason);

/// <summary>A commitment to record. Money kinds take an amount (at most two decimal places); a delivery promise takes a date.</summary>
public sealed record RecordCommitmentRequest(CommitmentKind? Kind, decimal? Amount, DateOnly? PromisedDate, string? Description);

/// <summary>Why; required to reject, optional to approve.</summary>
public sealed record DecideApprovalRequest(string? Reason);

public sealed record CommitmentNotFound(long Id) : Error(404, "Not found", $"Approval request {Id} does not exist or is not visible to you.");

public sealed record AlreadyDecided(long Id, CommitmentState State, string? By)
    : ConflictError($"Request {Id} is already {(State == CommitmentState.Rejected ? "rejected" : "approved")}{(By is null ? "" : " by " + By)}; it cannot be decided again.");

/// <summary>Above every role's limit: nobody could approve it, so it is not recorded.</summary>
public sealed record NobodyMayApprove(string What)
    : ConflictError($"No role's authority covers {What}. Ask an admin to raise a limit before promising it.");
