using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets;

/// <summary>Checks that the team, assignee and service a ticket is given exist and can take it.</summary>
internal sealed class TicketReferences(RapportDbContext db)
{
    /// <summary>
    /// The service a ticket is put under: staff may choose any active service, customers only those
    /// offered to them in the portal. Returns its delivering team, so the ticket can go there.
    /// </summary>
    public async Task<ServiceChoice?> CheckServiceAsync(long? serviceId, Actor actor, Validator check, CancellationToken ct)
    {
        if (serviceId is not { } id) return null;
        var service = await db.Services.AsNoTracking().Where(s => s.Id == id && s.IsActive && (actor.IsStaff || s.IsPublic))
            .Select(s => new ServiceChoice(s.Id, s.TeamId)).FirstOrDefaultAsync(ct);
        if (service is null) check.Add("serviceId", "No service on offer has this id.");
        return service;
    }

    public async Task CheckAsync(long? teamId, Guid? assigneeId, Validator check, CancellationToken ct)
    {
        if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
            check.Add("teamId", "No team has this id.");
        if (assigneeId is { } assignee
            && !await db.Users.AnyAsync(u => u.Id == assignee && u.IsActive && u.Role != Role.Customer, ct))
            check.Add("assigneeId", "No active staff member has this id.");
    }
}

internal sealed record ServiceChoice(long Id, long? TeamId);
