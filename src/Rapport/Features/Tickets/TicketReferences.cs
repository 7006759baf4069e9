using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets;

/// <summary>Checks that the team and assignee a ticket is given exist and can take it.</summary>
internal sealed class TicketReferences(RapportDbContext db)
{
    public async Task CheckAsync(long? teamId, Guid? assigneeId, Validator check, CancellationToken ct)
    {
        if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
            check.Add("teamId", "No team has this id.");
        if (assigneeId is { } assignee
            && !await db.Users.AnyAsync(u => u.Id == assignee && u.IsActive && u.Role != Role.Customer, ct))
            check.Add("assigneeId", "No active staff member has this id.");
    }
}
