using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.Services;

namespace Rapport.Features.Tickets;

public sealed class Ticket
{
    /// <summary>The human-friendly number (#1042) is the key: unique, assigned by the database, gaps allowed.</summary>
    public long Number { get; set; }
    public required string Subject { get; set; }
    public long RequesterId { get; set; }
    public Customer Requester { get; set; } = null!;
    public long? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public Channel Channel { get; set; }
    public TicketType Type { get; set; } = TicketType.Question;
    public Priority Priority { get; set; } = Priority.Normal;
    public TicketStatus Status { get; set; } = TicketStatus.New;
    public long? TeamId { get; set; }
    public Team? Team { get; set; }
    public Guid? AssigneeId { get; set; }
    public User? Assignee { get; set; }
    public List<TicketTag> Tags { get; set; } = [];
    public List<TicketFollower> Followers { get; set; } = [];
    public List<Message> Messages { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? FirstRespondedAt { get; set; }
    /// <summary>The service of the offer this ticket is about, if any.</summary>
    public long? ServiceId { get; set; }
    public Service? Service { get; set; }
    /// <summary>The service-level policy whose targets the ticket's clocks run against.</summary>
    public long? SlaPolicyId { get; set; }
    public List<TicketSlaClock> SlaClocks { get; set; } = [];
    /// <summary>The earliest due time of a running SLA clock: the "breaching soon" order.</summary>
    public DateTimeOffset? SlaDueAt { get; set; }
    /// <summary>The next moment something must happen to this ticket (an SLA warning or breach): the sweep's index.</summary>
    public DateTimeOffset? EscalationAt { get; set; }
    /// <summary>0 is the first line; each escalation moves the ticket one level up.</summary>
    public int EscalationLevel { get; set; }
    /// <summary>Bumped on every change; the ETag and the optimistic-concurrency token.</summary>
    public int Version { get; set; }

    /// <summary>A copy sharing the same lists, for reading (rule facts) without the change tracker seeing it.</summary>
    internal Ticket ShallowCopy() => (Ticket)MemberwiseClone();
}

public sealed class TicketTag
{
    public long TicketNumber { get; set; }
    public required string Name { get; set; }
}

public sealed class TicketFollower
{
    public long TicketNumber { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>A customer copied in on the ticket (an email's Cc): they see it, their replies join it, and replies go to them too.</summary>
public sealed class TicketCc
{
    public long TicketNumber { get; set; }
    public long CustomerId { get; set; }
}
