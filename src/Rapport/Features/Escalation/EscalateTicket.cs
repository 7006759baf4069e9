using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Notifications;
using Rapport.Features.People;
using Rapport.Features.Tickets;

namespace Rapport.Features.Escalation;

/// <summary>
/// Moves a ticket one escalation level up (first line = 0) with a reason, by hand or when a service level
/// warns or breaches. The ticket's assignee and its team's leads are told. The caller saves, so the
/// escalation is written with whatever caused it.
/// </summary>
public sealed class EscalateTicket(RapportDbContext db, AuditLog audit, Notify notify)
{
    public const int ReasonLength = 500;

    /// <param name="ticket">Tracked; its <see cref="Ticket.EscalationLevel"/> goes up by one.</param>
    public async Task ExecuteAsync(Ticket ticket, string reason, Actor actor, CancellationToken ct)
    {
        var before = ticket.EscalationLevel;
        ticket.EscalationLevel++;
        audit.Record(actor, "ticket", ticket.Number.ToString(CultureInfo.InvariantCulture), "escalated",
            new AuditChanges().Set("escalationLevel", before, ticket.EscalationLevel).Set("reason", null, reason),
            ticketNumber: ticket.Number, customerId: ticket.RequesterId);
        var leads = ticket.TeamId is { } team
            ? await db.TeamMembers.Where(m => m.TeamId == team && m.User.Role == Role.TeamLead && m.User.IsActive).Select(m => m.UserId).ToListAsync(ct)
            : [];
        var recipients = ticket.AssigneeId is { } assignee ? leads.Append(assignee) : leads;
        notify.People(recipients, "escalated", $"#{ticket.Number} was escalated to level {ticket.EscalationLevel}: {reason}", ticket.Number, actor.UserId);
    }
}
