using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

/// <summary>Reads one organisation, its members and its history. Staff only; the endpoints say so.</summary>
public sealed class ReadOrganisation(RapportDbContext db, ListCustomers customers)
{
    public async Task<Result<OrganisationDto>> ExecuteAsync(long id, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == id).ToDto().SingleOrDefaultAsync(ct);
        return organisation is null ? new OrganisationNotFound(id) : organisation;
    }

    public async Task<Result<Page<CustomerSummaryDto>>> CustomersAsync(long id, CustomerFilter filter, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id, ct)) return new OrganisationNotFound(id);
        return await customers.ExecuteAsync(filter with { Organisation = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
    }

    /// <summary>Served by the (EntityType, EntityId, Id) index of the audit log.</summary>
    public async Task<Result<Page<AuditEventDto>>> AuditAsync(long id, int? limit, string? cursor, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id, ct)) return new OrganisationNotFound(id);
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await AuditTrail.PageAsync(db.AuditEvents.Where(a => a.EntityType == "organisation" && a.EntityId == entityId), limit, cursor, ct);
    }
}
