using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.Access;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Knowledge;

/// <summary>Also the answer for an internal or draft article to a customer or visitor: they never learn it exists.</summary>
public sealed record ArticleNotFound(long Id) : Error(404, "Not found", $"Article {Id} does not exist.");

public sealed record CategoryNotFound(long Id) : Error(404, "Not found", $"Category {Id} does not exist.");

public sealed record SectionNotFound(long Id) : Error(404, "Not found", $"Section {Id} does not exist.");

public sealed record VersionNotFound(long ArticleId, int Number) : Error(404, "Not found", $"Article {ArticleId} has no version {Number}.");

public sealed record ShelfNotEmpty(string Detail) : ConflictError(Detail);

/// <summary>How the knowledge base appears in the audit trail.</summary>
public static class KbAudit
{
    public const string Category = "kb_category";
    public const string Section = "kb_section";
    public const string Article = "kb_article";

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

public static class ArticleAccess
{
    /// <summary>Staff read every article; customers and visitors only published public ones. The one rule for every read.</summary>
    public static IQueryable<KbArticle> VisibleTo(this IQueryable<KbArticle> articles, Actor actor) => actor.IsStaff
        ? articles
        : articles.Where(a => a.Status == ArticleStatus.Published && a.Visibility == ArticleVisibility.Public);

    public static Task<KbArticle?> FindVisibleAsync(this IQueryable<KbArticle> articles, long id, Actor actor, CancellationToken ct) =>
        articles.VisibleTo(actor).FirstOrDefaultAsync(a => a.Id == id, ct);
}
