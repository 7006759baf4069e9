using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

/// <param name="Search">The start of a name or an email address, in any case.</param>
/// <param name="Organisation">An organisation id, or "none" for customers without one.</param>
public sealed record CustomerFilter(string? Search = null, string? Organisation = null, CustomerKind? Kind = null, int? Limit = null, string? Cursor = null);

/// <summary>
/// A page of customers sorted by name then id, paged by keyset cursor. Every filter is served by
/// an index: (Name, Id), (OrganisationId, Name, Id) and the unique index on email addresses.
/// </summary>
public sealed class ListCustomers(RapportDbContext db)
{
    public async Task<Result<Page<CustomerSummaryDto>>> ExecuteAsync(CustomerFilter filter, CancellationToken ct)
    {
        var check = new Validator().Text("search", filter.Search, CustomerLimits.EmailLength);
        var query = db.Customers.AsNoTracking();
        switch (filter.Organisation)
        {
            case null or "": break;
            case "none": query = query.Where(c => c.OrganisationId == null); break;
            case var text when long.TryParse(text, out var organisationId): query = query.Where(c => c.OrganisationId == organisationId); break;
            default: check.Add("organisation", "Use an organisation id or 'none'."); break;
        }
        if (filter.Kind is { } kind) query = query.Where(c => c.Kind == kind);
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
            var page = Matching(query, search, limit).OrderBy(k => k.Name).ThenBy(k => k.Id).Take(limit + 1);
            query = db.Customers.AsNoTracking().Join(page, c => c.Id, k => k.Id, (c, _) => c);
        }
        var rows = await query.ByName().Take(limit + 1).ToSummary().ToListAsync(ct);
        var next = rows.Count > limit ? new NameCursor(rows[limit - 1].Name, rows[limit - 1].Id).Encode() : null;
        return new Page<CustomerSummaryDto>(rows.Take(limit).ToList(), next);
    }

    /// <summary>
    /// The sort keys of the first matches of each way of matching: text with an @ is the start of
    /// an address, other text may also begin a name. Each way is its own small index-ordered
    /// query and the page is taken from their union: one query with OR would scan the whole
    /// name index. Only keys are unioned, so the union compares two columns, not whole rows.
    /// </summary>
    private IQueryable<NameKey> Matching(IQueryable<Customer> customers, string search, int limit)
    {
        var addresses = db.CustomerEmails.Where(PrefixSearch.Exact<CustomerEmail>(e => e.Address, search.ToLowerInvariant()));
        var matches = customers.Join(addresses, c => c.Id, e => e.CustomerId, (c, _) => c).ByName().Take(limit + 1)
            .Select(c => new NameKey { Id = c.Id, Name = c.Name });
        if (search.Contains('@')) return matches;
        foreach (var spelling in PrefixSearch.IgnoringCase<Customer>(c => c.Name, search))
            matches = matches.Union(customers.Where(spelling).ByName().Take(limit + 1).Select(c => new NameKey { Id = c.Id, Name = c.Name }));
        return matches;
    }

    // Set by initialisers, not a constructor: EF can union a member-init projection but not a constructor call.
    private sealed class NameKey
    {
        public long Id { get; init; }
        public required string Name { get; init; }
    }
}
