using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Customers;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.CannedReplies;

/// <param name="Q">Text anywhere in the title, in any case.</param>
/// <param name="Language">Replies in this language and those for any language.</param>
public sealed record CannedReplyFilter(string? Q = null, string? Language = null, int? Limit = null, string? Cursor = null);

/// <summary>
/// The canned replies the caller may use, by title then id, paged by keyset cursor. A person sees a few hundred
/// replies at most, so the title text is matched within the visible set rather than through its own index.
/// </summary>
public sealed class ListCannedReplies(RapportDbContext db)
{
    public async Task<Result<Page<CannedReplyDto>>> ExecuteAsync(CannedReplyFilter filter, Actor actor, CancellationToken ct)
    {
        var check = new Validator().Text("q", filter.Q, CannedReplyLimits.TitleLength);
        var query = db.CannedReplies.AsNoTracking().VisibleTo(actor, db);
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            var upper = q.ToUpperInvariant();
            query = query.Where(r => r.Title.ToUpper().Contains(upper));
        }
        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            if (LanguageTag.Normalise(filter.Language) is { } language) query = query.Where(r => r.Language == null || r.Language == language);
            else check.Add("language", "Must be a language tag, such as en or de.");
        }
        if (filter.Cursor is not null)
        {
            if (NameCursor.TryDecode(filter.Cursor, out var last))
                query = query.Where(r => string.Compare(r.Title, last.Name) > 0 || r.Title == last.Name && r.Id > last.Id);
            else check.Add("cursor", PageLimits.UnknownCursor);
        }
        PageLimits.Check(filter.Limit, check);
        if (!check.IsValid) return check.ToError();

        var limit = PageLimits.Clamp(filter.Limit);
        var rows = await query.OrderBy(r => r.Title).ThenBy(r => r.Id).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? new NameCursor(rows[limit - 1].Title, rows[limit - 1].Id).Encode() : null;
        return new Page<CannedReplyDto>([.. rows.Take(limit).Select(CannedReplyDto.Of)], next);
    }
}

public sealed class ReadCannedReply(RapportDbContext db)
{
    public async Task<Result<CannedReplyDto>> ExecuteAsync(long id, Actor actor, CancellationToken ct)
    {
        var reply = await db.CannedReplies.AsNoTracking().VisibleTo(actor, db).FirstOrDefaultAsync(r => r.Id == id, ct);
        return reply is null ? new CannedReplyNotFound(id) : CannedReplyDto.Of(reply);
    }
}
