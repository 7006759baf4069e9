using Rapport.Features.Tickets;

namespace Rapport.Features.ServiceLevels;

/// <summary>What happened to a ticket, as far as its service-level clocks are concerned.</summary>
/// <param name="Created">The ticket has just been opened.</param>
/// <param name="StatusBefore">The status before the change (the ticket carries the status after it).</param>
/// <param name="StaffReplied">A member of staff wrote a public reply.</param>
/// <param name="CustomerWrote">The customer wrote (a public message from them).</param>
public sealed record SlaChange(bool Created = false, TicketStatus? StatusBefore = null, bool StaffReplied = false, bool CustomerWrote = false)
{
    public static readonly SlaChange NewTicket = new(Created: true);
}
