namespace Rapport.Features.Audit;

/// <summary>One change to one entity: who, when, what, and each changed field before and after.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    /// <summary>Set when the change belongs to a ticket, so a ticket's history is one indexed query.</summary>
    public long? TicketNumber { get; set; }
    /// <summary>Set when the change belongs to a customer.</summary>
    public long? CustomerId { get; set; }
    /// <summary>JSON object: field name → { "before": …, "after": … }.</summary>
    public required string Changes { get; set; }
}
