using Rapport.Features.Tickets;

namespace Rapport.Features.Complaints;

/// <summary>
/// The complaint procedure of one ticket of type complaint (C10): its stage, the deadlines it was given
/// on receipt, what was found and decided, and the customer's answer. Staff only: customers never see it.
/// </summary>
public sealed class Complaint
{
    public long TicketNumber { get; set; }
    public Ticket Ticket { get; set; } = null!;
    public ComplaintStage Stage { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>Worked out from the deadline rules on receipt; a later change to the rules does not move it.</summary>
    public DateTimeOffset AcknowledgeBy { get; set; }
    public DateTimeOffset RespondBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? InvestigatingAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public string? RootCauseKey { get; set; }
    public ComplaintRootCause? RootCause { get; set; }
    /// <summary>What the organisation offers to put things right.</summary>
    public string? Remedy { get; set; }
    public ComplaintDecision? Decision { get; set; }
    /// <summary>Why it was decided so; internal.</summary>
    public string? DecisionNotes { get; set; }
    /// <summary>The customer's answer to the remedy.</summary>
    public RemedyResponse? CustomerResponse { get; set; }
    public DateTimeOffset? CustomerRespondedAt { get; set; }
    /// <summary>When the missed acknowledgement was escalated; set once, so it escalates once.</summary>
    public DateTimeOffset? AcknowledgementEscalatedAt { get; set; }
    public DateTimeOffset? ResponseEscalatedAt { get; set; }
    /// <summary>The earliest deadline not yet met: the supervisors' list is ordered by it.</summary>
    public DateTimeOffset? NextDeadlineAt { get; set; }
    /// <summary>The earliest deadline neither met nor escalated: the sweep's index. Null when nothing is left to watch.</summary>
    public DateTimeOffset? EscalateAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Bumped on every change; two people recording at once cannot overwrite each other.</summary>
    public int Version { get; set; }
}

/// <summary>The procedure's stages, in order.</summary>
public enum ComplaintStage { Received, Acknowledged, Investigating, Decided, Responded }

public enum ComplaintDecision { Upheld, PartlyUpheld, NotUpheld }

public enum RemedyResponse { Accepted, Declined }

/// <summary>A managed category of why complaints happen, for finding and fixing their causes.</summary>
public sealed class ComplaintRootCause
{
    /// <summary>A stable snake_case key (billing_error); the name can change, the key cannot.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    /// <summary>A retired cause stays on old complaints but is no longer offered.</summary>
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The one row of complaint settings: who handles complaints.</summary>
public sealed class ComplaintSettings
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    /// <summary>Overdue complaints are escalated to this team and its members are notified.</summary>
    public long? TeamId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
