namespace Rapport.Features.Tickets;

/// <summary>
/// What tickets tell customers and colleagues by email, called inside the write transaction of the change, so the mail is queued
/// (in the outbox) together with it or not at all. Implemented by the email channel (<c>Features/Email/TicketMailer.cs</c>).
/// </summary>
public interface ITicketMailer
{
    /// <summary>Acknowledges a ticket a customer opened (by email or in the portal), unless a machine sent it or the customer had enough automatic mail.</summary>
    Task AcknowledgeAsync(Ticket ticket, ChannelContent? content, CancellationToken ct);

    /// <summary>Sends an agent's public reply to the requester and those copied in, threaded under the conversation's mail.</summary>
    Task SendReplyAsync(Ticket ticket, Message reply, CancellationToken ct);

    /// <summary>Tells an agent by email that the ticket was assigned to them.</summary>
    Task NotifyAssignedAsync(Ticket ticket, Guid agentId, CancellationToken ct);

    /// <summary>Tells the ticket's assignee by email that the customer wrote (the message is saved).</summary>
    Task NotifyCustomerRepliedAsync(Ticket ticket, Message message, CancellationToken ct);

    /// <summary>Tells a colleague by email that an internal note mentioned them (the note is saved).</summary>
    Task NotifyMentionedAsync(Ticket ticket, Message note, Guid agentId, CancellationToken ct);
}
