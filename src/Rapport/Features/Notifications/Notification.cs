namespace Rapport.Features.Notifications;

/// <summary>
/// Something a member of staff should know about, shown in the workspace until read: a ticket
/// referred or escalated to them, an approval waiting for them, a service level about to break.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    /// <summary>What happened, as a key: referred, escalated, approval_requested, sla_warning…</summary>
    public required string Kind { get; set; }
    public long? TicketNumber { get; set; }
    /// <summary>One sentence for the person, e.g. "#1042 was referred to Billing: refund over £500".</summary>
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
