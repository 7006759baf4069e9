using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

public sealed record UserFilter(Role[]? Roles = null, string? Search = null, bool? Active = null, int? Limit = null, string? Cursor = null);

/// <summary>The directory of people, sorted by name and paged by keyset cursor; staff use it to pick assignees.</summary>
public sealed class ListUsers(RapportDbContext db)
{
    public async Task<Result<Page<UserDto>>> ExecuteAsync(UserFilter filter, CancellationToken ct)
    {
        var check = new Validator().Text("search", filter.Search, PeopleLimits.NameLength);
        PageLimits.Check(filter.Limit, check);
        DirectoryCursor? after = null;
        if (filter.Cursor is not null)
        {
            if (DirectoryCursor.TryDecode(filter.Cursor, out var cursor)) after = cursor;
            else check.Add("cursor", PageLimits.UnknownCursor);
        }
        if (!check.IsValid) return check.ToError();

        var query = db.Users.AsNoTracking();
        if (filter.Roles is { Length: > 0 } roles) query = query.Where(u => roles.Contains(u.Role));
        if (filter.Active is { } active) query = query.Where(u => u.IsActive == active);
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            // Upper-cased on both sides: PostgreSQL's LIKE is case-sensitive where SQLite's is not.
            var upper = search.ToUpperInvariant();
            var word = " " + upper;
            query = query.Where(u => u.DisplayName.ToUpper().StartsWith(upper)
                || u.DisplayName.ToUpper().Contains(word)
                || u.NormalizedEmail!.StartsWith(upper));
        }
        if (after is { } from)
            query = query.Where(u => string.Compare(u.DisplayName, from.Name) > 0
                || (u.DisplayName == from.Name && string.Compare(u.NormalizedUserName, from.Key) > 0));

        // Keys first, then the page's rows by id: the cursor needs the unique sort key, which the DTO does not show.
        var limit = PageLimits.Clamp(filter.Limit);
        var keys = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.NormalizedUserName)
            .Select(u => new { u.Id, u.DisplayName, Key = u.NormalizedUserName! })
            .Take(limit + 1).ToListAsync(ct);
        var ids = keys.Take(limit).Select(k => k.Id).ToList();
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(PeopleProjections.User).ToDictionaryAsync(u => u.Id, ct);
        var next = keys.Count > limit ? new DirectoryCursor(keys[limit - 1].DisplayName, keys[limit - 1].Key).Encode() : null;
        return new Page<UserDto>(ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), next);
    }
}
