using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Customers;

namespace Rapport.Features.Knowledge;

public sealed record HelpSection(SectionDto Section, List<KbArticle> Articles);

public sealed record HelpCategory(CategoryDto Category, List<HelpSection> Sections);

/// <summary>
/// The help centre's reading: shelves holding articles the reader may see, each article once, in the reader's language
/// when it has a translation in it (else the same language of another region, else the original, the first written).
/// </summary>
public sealed class HelpCentre(RapportDbContext db)
{
    public async Task<List<HelpCategory>> BrowseAsync(Actor actor, string? language, long? categoryId, CancellationToken ct)
    {
        var categories = await db.KbCategories.AsNoTracking().Where(c => categoryId == null || c.Id == categoryId)
            .OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(ct);
        var ids = categories.Select(c => c.Id).ToList();
        var sections = await db.KbSections.AsNoTracking().Where(s => ids.Contains(s.CategoryId)).OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(ct);
        var sectionIds = sections.Select(s => s.Id).ToList();
        var articles = await db.KbArticles.AsNoTracking().VisibleTo(actor).Where(a => sectionIds.Contains(a.SectionId)).OrderBy(a => a.Id).ToListAsync(ct);
        var shown = InLanguage(articles, language);
        return [.. categories.Select(c => new HelpCategory(CategoryDto.Of(c), [.. sections.Where(s => s.CategoryId == c.Id)
            .Select(s => new HelpSection(SectionDto.Of(s), [.. shown.Where(a => a.SectionId == s.Id).OrderBy(a => a.Title, StringComparer.CurrentCulture)]))
            .Where(s => s.Articles.Count > 0)]))
            .Where(c => c.Sections.Count > 0)];
    }

    /// <summary>The article and its other languages the reader may see (id and tag), for "also in" links.</summary>
    public async Task<(KbArticle? Article, List<(long Id, string Language)> Translations)> ReadAsync(long id, Actor actor, CancellationToken ct)
    {
        var article = await db.KbArticles.AsNoTracking().FindVisibleAsync(id, actor, ct);
        if (article is null) return (null, []);
        var translations = await db.KbArticles.AsNoTracking().VisibleTo(actor)
            .Where(a => a.TranslationGroup == article.TranslationGroup && a.Id != id).OrderBy(a => a.Language)
            .Select(a => new { a.Id, a.Language }).ToListAsync(ct);
        return (article, [.. translations.Select(t => (t.Id, t.Language))]);
    }

    /// <summary>The reader's language: a customer's preferred one, else the browser's first.</summary>
    public async Task<string?> LanguageOfAsync(Actor actor, HttpContext http, CancellationToken ct)
    {
        if (actor.CustomerId is { } customerId
            && await db.Customers.Where(c => c.Id == customerId).Select(c => c.PreferredLanguage).FirstOrDefaultAsync(ct) is { } preferred)
            return preferred;
        var header = http.Request.Headers.AcceptLanguage.ToString();
        var first = header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Split(';')[0];
        return first is null || first == "*" ? null : LanguageTag.Normalise(first);
    }

    /// <summary>One article per translation group: the reader's language, the same language elsewhere, or the first written.</summary>
    public static List<KbArticle> InLanguage(IEnumerable<KbArticle> articles, string? language)
    {
        var primary = language?.Split('-')[0];
        return [.. articles.GroupBy(a => a.TranslationGroup).Select(g =>
            g.FirstOrDefault(a => a.Language == language)
            ?? g.FirstOrDefault(a => primary is not null && a.Language.Split('-')[0] == primary)
            ?? g.OrderBy(a => a.Id).First())];
    }
}
