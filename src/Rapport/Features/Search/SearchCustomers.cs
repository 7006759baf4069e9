using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Customers;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Search;

/// <summary>
/// Finds customers by name, email address, phone number or organisation through the full-text index, best match first.
/// Staff only: the endpoint says so. The query language's ticket fields do not apply to customers and are refused.
/// </summary>
public sealed class SearchCustomers(RapportDbContext db, ISearchEngine engine, TimeProvider clock)
{
    private sealed class Ranked
    {
        public long Id { get; init; }
        public double Rank { get; init; }
    }

    public async Task<Result<Page<CustomerSummaryDto>>> ExecuteAsync(SearchRequest request, CancellationToken ct)
    {
        var check = new Validator();
        var parsed = SearchQueryParser.Parse(request.Q, clock.GetUtcNow());
        if (parsed.Error is { } error) return error;
        var query = parsed.Value!;
        if (query with { Terms = [], ExcludedTerms = [] } is var fields && !fields.IsEmpty)
            check.Add("q", "Customers are found by words only (name, address, phone, organisation); fields such as status: are for tickets.");
        var text = TextQuery.From(query, request.AsYouType);
        if (!text.HasTerms) check.Add("q", "Type a word of the customer's name, address, phone number or organisation.");
        PageLimits.Check(request.Limit, check);
        string[] after = [];
        if (request.Cursor is not null && !TextCursor.TryDecode(request.Cursor, 2, out after)) check.Add("cursor", PageLimits.UnknownCursor);
        if (!check.IsValid) return check.ToError();

        var ranked = db.Customers.AsNoTracking().Join(engine.MatchCustomers(text), c => c.Id, m => m.Id, (c, m) => new Ranked { Id = c.Id, Rank = m.Rank });
        if (after.Length == 2 && double.TryParse(after[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var rank)
            && long.TryParse(after[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            ranked = ranked.Where(r => r.Rank > rank || (r.Rank == rank && r.Id > id));
        var limit = PageLimits.Clamp(request.Limit);
        var page = await ranked.OrderBy(r => r.Rank).ThenBy(r => r.Id).Take(limit + 1).ToListAsync(ct);
        var ids = page.Take(limit).Select(r => r.Id).ToList();
        var found = (await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToSummary().ToListAsync(ct)).ToDictionary(c => c.Id);
        string? next = null;
        if (page.Count > limit)
        {
            var last = page[limit - 1];
            next = TextCursor.Encode(last.Rank.ToString("R", CultureInfo.InvariantCulture), last.Id.ToString(CultureInfo.InvariantCulture));
        }
        return new Page<CustomerSummaryDto>(ids.Where(found.ContainsKey).Select(i => found[i]).ToList(), next);
    }
}
