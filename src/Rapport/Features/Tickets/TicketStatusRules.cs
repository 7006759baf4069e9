namespace Rapport.Features.Tickets;

/// <summary>
/// The ticket life cycle, as pure rules. new → open/pending/on_hold/solved; the working states
/// move freely between each other and to solved; solved reopens or closes; closed is final.
/// </summary>
public static class TicketStatusRules
{
    /// <summary>Why a status change is refused, or null when it is allowed.</summary>
    public static string? RefusalFor(TicketStatus from, TicketStatus to, bool hasAssignee)
    {
        if (from == to) return null;
        if (from == TicketStatus.Closed) return "A closed ticket is final and cannot change status; open a follow-up ticket instead.";
        if (to == TicketStatus.New) return "A ticket cannot go back to new once it has been worked on.";
        if (from == TicketStatus.New && to == TicketStatus.Closed) return "A new ticket must be solved before it can be closed.";
        if (to == TicketStatus.Closed && from != TicketStatus.Solved) return "Only a solved ticket can be closed.";
        if (to == TicketStatus.Solved && !hasAssignee) return "A ticket needs an assignee before it can be solved.";
        return null;
    }

    public static bool IsAllowed(TicketStatus from, TicketStatus to, bool hasAssignee) => RefusalFor(from, to, hasAssignee) is null;

    /// <summary>
    /// The status a ticket takes when a message is added, or a refusal. A customer's message
    /// reopens a solved or pending ticket; a staff member's public reply opens a new ticket;
    /// notes change nothing; nothing may be added to a closed ticket.
    /// </summary>
    public static (TicketStatus Status, string? Refusal) AfterMessage(TicketStatus current, bool byCustomer, MessageVisibility visibility)
    {
        if (current == TicketStatus.Closed)
            return (current, "A closed ticket is final and takes no more messages; open a follow-up ticket instead.");
        if (byCustomer && visibility == MessageVisibility.Internal)
            return (current, "Customers cannot write internal notes.");
        if (visibility == MessageVisibility.Internal) return (current, null);
        if (byCustomer) return (current is TicketStatus.Solved or TicketStatus.Pending ? TicketStatus.Open : current, null);
        return (current == TicketStatus.New ? TicketStatus.Open : current, null);
    }

    /// <summary>Applies a status and the timestamps that go with it.</summary>
    public static void Apply(Ticket ticket, TicketStatus to, DateTimeOffset now)
    {
        if (ticket.Status == to) return;
        ticket.Status = to;
        switch (to)
        {
            case TicketStatus.Solved:
                ticket.SolvedAt = now;
                break;
            case TicketStatus.Closed:
                ticket.ClosedAt = now;
                break;
            default:
                ticket.SolvedAt = null;
                break;
        }
    }
}
