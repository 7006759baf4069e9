using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Knowledge;

/// <summary>
/// Writes articles (any member of staff; the audit trail says who). A new article starts at version 1; a save that
/// changes the title or body adds the next version, in the same transaction as the article and its audit event.
/// </summary>
public sealed class SaveArticle(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly string[] Unaudited = [nameof(KbArticle.Id), nameof(KbArticle.CreatedAt), nameof(KbArticle.UpdatedAt), nameof(KbArticle.ReviewNoticeFor)];

    public async Task<Result<long>> CreateAsync(ArticleRequest request, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff write articles.");
        var (fields, check) = await ArticleInput.CheckAsync(db, request, actor, null, ct);
        if (fields is null) return check.ToError();
        var now = clock.GetUtcNow();
        var article = new KbArticle
        {
            Title = "", Body = "", Language = "", TranslationGroup = fields.TranslationGroup ?? Guid.NewGuid(), CurrentVersion = 1, CreatedAt = now, UpdatedAt = now,
        };
        fields.CopyTo(article);
        return await db.InTransactionAsync(async () =>
        {
            db.KbArticles.Add(article);
            await db.SaveChangesAsync(ct);
            var changes = AuditChanges.FromEntry(db.Entry(article), Unaudited);
            db.KbArticleVersions.Add(Version(article, actor, now));
            db.KbArticleCounters.Add(new KbArticleCounters { ArticleId = article.Id });
            audit.Record(actor, KbAudit.Article, KbAudit.Id(article.Id), "created", changes);
            await db.SaveChangesAsync(ct);
            return (Result<long>)article.Id;
        }, ct);
    }

    public async Task<Result<long>> UpdateAsync(long id, ArticleRequest request, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ArticleNotFound(id);
        if (await db.KbArticles.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } article) return new ArticleNotFound(id);
        var (fields, check) = await ArticleInput.CheckAsync(db, request, actor, article, ct);
        if (fields is null) return check.ToError();
        fields.CopyTo(article);
        return await SaveAsync(article, actor, "updated", ct);
    }

    /// <summary>Saves a tracked article whose fields were set: a new version when the text changed, an audit event when anything did.</summary>
    internal async Task<Result<long>> SaveAsync(KbArticle article, Actor actor, string action, CancellationToken ct, int? restoredVersion = null)
    {
        var entry = db.Entry(article);
        var changes = AuditChanges.FromEntry(entry, Unaudited);
        if (restoredVersion is not null && !changes.IsEmpty) changes.Set("restoredVersion", null, restoredVersion);
        if (changes.IsEmpty) return article.Id;
        var now = clock.GetUtcNow();
        article.UpdatedAt = now;
        if (entry.Property(a => a.Title).IsModified || entry.Property(a => a.Body).IsModified)
        {
            article.CurrentVersion++;
            db.KbArticleVersions.Add(Version(article, actor, now));
        }
        // A new review date is a new period: its owner will be told again when it passes.
        if (entry.Property(a => a.ReviewBy).IsModified) article.ReviewNoticeFor = null;
        audit.Record(actor, KbAudit.Article, KbAudit.Id(article.Id), action, changes);
        try
        {
            await db.InTransactionAsync(async () => await db.SaveChangesAsync(ct), ct);
        }
        catch (DbUpdateException) when (db.Database.CurrentTransaction is null)
        {
            // Two saves at once both took the next version number; the unique index let only one through.
            db.ChangeTracker.Clear();
            if (!await db.KbArticleVersions.AnyAsync(v => v.ArticleId == article.Id && v.Number == article.CurrentVersion, ct)) throw;
            return new ConflictError("Someone else saved this article at the same moment. Reload it and make your change again.");
        }
        return article.Id;
    }

    public async Task<Result<long>> DeleteAsync(long id, Actor actor, CancellationToken ct)
    {
        if (actor.Role is not (People.Role.TeamLead or People.Role.Manager or People.Role.Admin))
            return new ForbiddenError("Team leads, managers and admins delete articles; others unpublish them.");
        if (await db.KbArticles.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } article) return new ArticleNotFound(id);
        db.KbArticles.Remove(article);
        audit.Record(actor, KbAudit.Article, KbAudit.Id(id), "deleted", new AuditChanges()
            .Set("title", article.Title, null).Set("language", article.Language, null).Set("body", article.Body, null));
        await db.SaveChangesAsync(ct);
        return id;
    }

    private static KbArticleVersion Version(KbArticle article, Actor actor, DateTimeOffset now) => new()
    {
        ArticleId = article.Id, Number = article.CurrentVersion, Title = article.Title, Body = article.Body,
        AuthorId = actor.UserId, AuthorName = actor.Name, CreatedAt = now,
    };
}
