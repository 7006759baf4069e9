using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.Customers.Pages;

/// <summary>
/// The type-ahead behind "find the customer": the start of a name or email through
/// <see cref="ListCustomers"/>, and, for text that looks like a phone number, the start of a
/// number as it was typed into the record.
/// </summary>
/// <remarks>
/// Phone numbers have no index yet, so the phone branch scans CustomerPhones; an index on
/// Number (or a digits-only search column) would make it a range read like the others.
/// </remarks>
public static class CustomerLookup
{
    public const int Limit = 8;

    public static async Task<IReadOnlyList<CustomerSummaryDto>> FindAsync(RapportDbContext db, ListCustomers list, string? query, CancellationToken ct)
    {
        var text = query?.Trim() ?? "";
        if (text.Length < 2 || text.Length > CustomerLimits.EmailLength) return [];
        var found = new List<CustomerSummaryDto>();
        if (LooksLikePhone(text))
        {
            var numbers = db.CustomerPhones.Where(PrefixSearch.Exact<CustomerPhone>(p => p.Number, text)).Select(p => p.CustomerId);
            found.AddRange(await db.Customers.AsNoTracking().Where(c => numbers.Contains(c.Id)).ByName().Take(Limit).ToSummary().ToListAsync(ct));
        }
        var named = await list.ExecuteAsync(new CustomerFilter(Search: text, Limit: Limit), ct);
        if (named.Succeeded) found.AddRange(named.Value!.Items.Where(c => found.All(f => f.Id != c.Id)));
        return found.Take(Limit).ToList();
    }

    /// <summary>A leading + or digit and at least three digits: what a person starts a number with.</summary>
    public static bool LooksLikePhone(string text) =>
        (text[0] == '+' || char.IsAsciiDigit(text[0])) && text.Count(char.IsAsciiDigit) >= 3;
}
