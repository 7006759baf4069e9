using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

/// <param name="Search">A prefix of the name, in any case.</param>
public sealed record OrganisationFilter(string? Search = null, int? Limit = null, string? Cursor = null);

/// <summary>A page of organisations sorted by name then id, served by the (Name, Id) index and paged by keyset cursor.</summary>
public sealed class ListOrganisations(RapportDbContext db)
{
    public async Task<Result<Page<OrganisationDto>>> ExecuteAsync(OrganisationFilter filter, CancellationToken ct)
    {
        var check = new Validator().Text("search", filter.Search, CustomerLimits.NameLength);
        var query = db.Organisations.AsNoTracking();
        if (filter.Cursor is not null)
        {
            if (NameCursor.TryDecode(filter.Cursor, out var last)) query = query.After(last);
            else check.Add("cursor", PageLimits.UnknownCursor);
        }
        PageLimits.Check(filter.Limit, check);
        if (!check.IsValid) return check.ToError();

        var limit = PageLimits.Clamp(filter.Limit);
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            // One small, index-ordered query per case spelling, the page taken from their union (see PrefixSearch).
            var organisations = query;
            query = PrefixSearch.IgnoringCase<Organisation>(o => o.Name, search)
                .Select(spelling => organisations.Where(spelling).ByName().Take(limit + 1))
                .Aggregate(Queryable.Union);
        }
        var rows = await query.ByName().Take(limit + 1).ToDto().ToListAsync(ct);
        var next = rows.Count > limit ? new NameCursor(rows[limit - 1].Name, rows[limit - 1].Id).Encode() : null;
        return new Page<OrganisationDto>(rows.Take(limit).ToList(), next);
    }
}
