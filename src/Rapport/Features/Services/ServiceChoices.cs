using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Content;

namespace Rapport.Features.Services;

/// <summary>What an agent sees of a ticket's service while answering: what it includes and where its limits are.</summary>
public sealed record ServiceBrief(long Id, string Name, bool IsActive, string? IncludedHtml, string? LimitsHtml, int? FirstResponseMinutes, int? ResolutionMinutes);

/// <summary>The services a ticket can be put under, for the forms that choose one, and a ticket's service in brief.</summary>
public sealed class ServiceChoices(RapportDbContext db)
{
    /// <summary>Active services in catalogue order; customers are offered only the public ones.</summary>
    public Task<List<NamedRef>> OfferedAsync(bool publicOnly, CancellationToken ct) =>
        db.Services.AsNoTracking().Where(s => s.IsActive && (!publicOnly || s.IsPublic))
            .OrderBy(s => s.Position).ThenBy(s => s.Name).Select(s => new NamedRef(s.Id, s.Name)).ToListAsync(ct);

    public async Task<ServiceBrief?> BriefAsync(long serviceId, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().Where(s => s.Id == serviceId)
            .Select(s => new { s.Id, s.Name, s.IsActive, s.Included, s.Limits, s.FirstResponseMinutes, s.ResolutionMinutes }).FirstOrDefaultAsync(ct);
        return service is null ? null : new ServiceBrief(service.Id, service.Name, service.IsActive, Html(service.Included), Html(service.Limits),
            service.FirstResponseMinutes, service.ResolutionMinutes);
    }

    private static string? Html(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? null : MessageBody.FromMarkdown(markdown).Html;
}
