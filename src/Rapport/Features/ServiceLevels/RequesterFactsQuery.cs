using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Conditions;
using Rapport.Features.Tickets;

namespace Rapport.Features.ServiceLevels;

/// <summary>Reads what policies test about a ticket's requester and organisation (kind, language, tier).</summary>
public static class RequesterFactsQuery
{
    public static async Task<RequesterFacts> RequesterFactsAsync(this RapportDbContext db, Ticket ticket, CancellationToken ct)
    {
        var requester = await db.Customers.AsNoTracking().Where(c => c.Id == ticket.RequesterId)
            .Select(c => new { c.Kind, c.PreferredLanguage }).FirstOrDefaultAsync(ct);
        var tier = ticket.OrganisationId is { } organisation
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == organisation).Select(o => o.Tier).FirstOrDefaultAsync(ct)
            : null;
        return new RequesterFacts(requester?.Kind ?? default, requester?.PreferredLanguage, tier);
    }
}
