using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Knowledge;

/// <summary>An article's saved versions, newest first; one of them in full; and restoring one, which saves its text as the next version.</summary>
public sealed class ArticleVersions(RapportDbContext db, SaveArticle save)
{
    public async Task<Result<List<VersionSummary>>> ListAsync(long articleId, CancellationToken ct)
    {
        if (!await db.KbArticles.AnyAsync(a => a.Id == articleId, ct)) return new ArticleNotFound(articleId);
        return await db.KbArticleVersions.AsNoTracking().Where(v => v.ArticleId == articleId).OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.Title, v.AuthorId, v.AuthorName, v.CreatedAt)).ToListAsync(ct);
    }

    public async Task<Result<VersionDto>> GetAsync(long articleId, int number, CancellationToken ct)
    {
        var version = await db.KbArticleVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ArticleId == articleId && v.Number == number, ct);
        if (version is null) return await db.KbArticles.AnyAsync(a => a.Id == articleId, ct) ? new VersionNotFound(articleId, number) : new ArticleNotFound(articleId);
        return new VersionDto(version.Number, version.Title, version.Body, ArticleMarkdown.ToHtml(version.Body), version.AuthorId, version.AuthorName, version.CreatedAt);
    }

    public async Task<Result<long>> RestoreAsync(long articleId, int number, Actor actor, CancellationToken ct)
    {
        if (await db.KbArticles.FirstOrDefaultAsync(a => a.Id == articleId, ct) is not { } article) return new ArticleNotFound(articleId);
        var version = await db.KbArticleVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ArticleId == articleId && v.Number == number, ct);
        if (version is null) return new VersionNotFound(articleId, number);
        (article.Title, article.Body) = (version.Title, version.Body);
        return await save.SaveAsync(article, actor, "restored", ct, restoredVersion: number);
    }
}
