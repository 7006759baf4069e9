using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;

namespace Rapport.Features.Tickets;

/// <summary>
/// Who may see which tickets, as one query filter used by every list, search and read:
/// managers and admins see all; other staff see all but restricted teams they are not in;
/// a customer sees their own tickets, those they are copied in on (Cc) and, where their organisation shares, its tickets.
/// </summary>
public static class TicketVisibility
{
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, Actor actor, RapportDbContext db)
    {
        if (actor.IsStaff)
        {
            if (actor.SeesAllTeams) return tickets;
            var userId = actor.UserId;
            return tickets.Where(t => t.TeamId == null
                || !t.Team!.IsRestricted
                || db.TeamMembers.Any(m => m.TeamId == t.TeamId && m.UserId == userId));
        }
        if (actor.CustomerId is not { } customerId) return tickets.Where(_ => false);
        return tickets.Where(t => t.RequesterId == customerId
            || (t.OrganisationId != null && t.Organisation!.SharesTickets
                && db.Customers.Any(c => c.Id == customerId && c.OrganisationId == t.OrganisationId))
            || db.TicketCcs.Any(c => c.CustomerId == customerId && c.TicketNumber == t.Number));
    }

    /// <summary>
    /// The same rule seen from a ticket of this team: the staff who may see it. Everyone when the team is not restricted;
    /// else its members, managers and admins (<see cref="Actor.SeesAllTeams"/>).
    /// </summary>
    public static IQueryable<User> WhoMaySeeTicketOf(this IQueryable<User> staff, RapportDbContext db, long? teamId) =>
        teamId is null ? staff : staff.Where(u => !db.Teams.Any(t => t.Id == teamId && t.IsRestricted)
            || u.Role == Role.Admin || u.Role == Role.Manager
            || db.TeamMembers.Any(m => m.TeamId == teamId && m.UserId == u.Id));

    /// <summary>Customers see only public messages; staff see notes too.</summary>
    public static IQueryable<Message> VisibleTo(this IQueryable<Message> messages, Actor actor) =>
        actor.IsStaff ? messages : messages.Where(m => m.Visibility == MessageVisibility.Public);
}
