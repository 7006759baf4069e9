using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Customers;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Knowledge;

/// <summary>The staff list's filters. <paramref name="ReviewOverdue"/>: only articles whose review date has passed.</summary>
public sealed record ArticleFilter(
    long? CategoryId = null,
    long? SectionId = null,
    string? Status = null,
    string? Visibility = null,
    string? Language = null,
    bool? ReviewOverdue = null,
    int? Limit = null,
    string? Cursor = null);

/// <summary>Reads articles through <see cref="ArticleAccess.VisibleTo"/>: one in full, or the staff list, newest change first.</summary>
public sealed class ReadArticles(RapportDbContext db, TimeProvider clock)
{
    public async Task<Result<ArticleDto>> GetAsync(long id, Actor actor, CancellationToken ct)
    {
        var article = await db.KbArticles.AsNoTracking().FindVisibleAsync(id, actor, ct);
        if (article is null) return new ArticleNotFound(id);
        var stats = actor.IsStaff ? (await StatsAsync([id], ct)).GetValueOrDefault(id, ArticleStats.None) : null;
        return new ArticleDto(article.Id, article.SectionId, article.TranslationGroup, article.Language, article.Title, article.Body,
            ArticleMarkdown.ToHtml(article.Body), article.Visibility, article.Status, actor.IsStaff ? article.OwnerId : null,
            actor.IsStaff ? article.ReviewBy : null, actor.IsStaff && article.IsReviewOverdue(Today), article.CurrentVersion,
            article.CreatedAt, article.UpdatedAt, stats);
    }

    public async Task<Result<Page<ArticleSummary>>> ListAsync(ArticleFilter filter, Actor actor, CancellationToken ct)
    {
        var check = new Validator();
        var query = db.KbArticles.AsNoTracking().VisibleTo(actor);
        if (filter.SectionId is { } sectionId) query = query.Where(a => a.SectionId == sectionId);
        if (filter.CategoryId is { } categoryId) query = query.Where(a => db.KbSections.Any(s => s.Id == a.SectionId && s.CategoryId == categoryId));
        if (QueryEnums.Parse<ArticleStatus>("status", filter.Status, check) is { } status) query = query.Where(a => a.Status == status);
        if (QueryEnums.Parse<ArticleVisibility>("visibility", filter.Visibility, check) is { } visibility) query = query.Where(a => a.Visibility == visibility);
        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            if (LanguageTag.Normalise(filter.Language) is { } language) query = query.Where(a => a.Language == language);
            else check.Add("language", "Must be a language tag, such as en or de.");
        }
        var today = Today;
        if (filter.ReviewOverdue is true) query = query.Where(a => a.ReviewBy != null && a.ReviewBy < today);
        if (filter.ReviewOverdue is false) query = query.Where(a => a.ReviewBy == null || a.ReviewBy >= today);
        if (filter.Cursor is not null)
        {
            if (Infrastructure.Paging.Cursor.TryDecode(filter.Cursor, out var last))
            {
                var at = last.SortKeyAsTime;
                query = query.Where(a => a.UpdatedAt < at || a.UpdatedAt == at && a.Id < last.Id);
            }
            else check.Add("cursor", PageLimits.UnknownCursor);
        }
        PageLimits.Check(filter.Limit, check);
        if (!check.IsValid) return check.ToError();

        var limit = PageLimits.Clamp(filter.Limit);
        var rows = await query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? Infrastructure.Paging.Cursor.From(rows[limit - 1].UpdatedAt, rows[limit - 1].Id).Encode() : null;
        return new Page<ArticleSummary>(await SummariesAsync([.. rows.Take(limit)], ct), next);
    }

    /// <summary>The staff list's rows for these articles, in their order, with their counts.</summary>
    public async Task<List<ArticleSummary>> SummariesAsync(IReadOnlyList<KbArticle> articles, CancellationToken ct)
    {
        var today = Today;
        var stats = await StatsAsync([.. articles.Select(a => a.Id)], ct);
        return [.. articles.Select(a => new ArticleSummary(a.Id, a.SectionId, a.Language, a.Title, a.Visibility, a.Status,
            a.OwnerId, a.ReviewBy, a.IsReviewOverdue(today), a.UpdatedAt, stats.GetValueOrDefault(a.Id, ArticleStats.None)))];
    }

    /// <summary>Views, the deflection funnel and uses in replies from the counters, helpful and not from the votes.</summary>
    public async Task<Dictionary<long, ArticleStats>> StatsAsync(long[] ids, CancellationToken ct)
    {
        if (ids.Length == 0) return [];
        var counters = await db.KbArticleCounters.AsNoTracking().Where(c => ids.Contains(c.ArticleId)).ToDictionaryAsync(c => c.ArticleId, ct);
        var votes = await db.KbVotes.Where(v => ids.Contains(v.ArticleId)).GroupBy(v => new { v.ArticleId, v.Helpful })
            .Select(g => new { g.Key.ArticleId, g.Key.Helpful, Count = g.LongCount() }).ToListAsync(ct);
        return ids.ToDictionary(id => id, id =>
        {
            var c = counters.GetValueOrDefault(id) ?? new KbArticleCounters { ArticleId = id };
            long Votes(bool helpful) => votes.Where(v => v.ArticleId == id && v.Helpful == helpful).Sum(v => v.Count);
            return new ArticleStats(c.Views, Votes(true), Votes(false), c.Suggested, c.Opened, c.Deflected, c.UsedInReplies);
        });
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
