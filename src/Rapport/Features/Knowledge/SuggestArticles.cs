using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Email.Templates;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Knowledge;

/// <summary>What an agent puts into a reply from an article: the help centre's link (public articles only), or the text.</summary>
public enum ArticleInsert { Link, Content }

/// <summary>
/// The knowledge panel of the ticket page: published articles that may answer the ticket, for an agent to link or
/// quote in a reply. Without a query, any word of the subject and the start of the customer's first message, best
/// match first; with one, the agent's own search (every word, the last as a prefix, as typed). Drafts are left out:
/// a reply should not point at what is not finished.
/// </summary>
public sealed class SuggestArticles(RapportDbContext db, SearchArticles search, ArticleFeedback feedback, IOptions<MailTemplateOptions> mail)
{
    public const int Count = 5;
    private const int MessageStart = 300;

    public async Task<Result<List<KbArticle>>> ForTicketAsync(long number, string? query, Actor actor, CancellationToken ct)
    {
        var ticket = await db.Tickets.VisibleTo(actor, db).Where(t => t.Number == number).Select(t => new
        {
            t.Subject,
            FirstMessage = db.Messages.Where(m => m.TicketNumber == t.Number && m.AuthorCustomerId != null).OrderBy(m => m.Id)
                .Select(m => m.BodyText.Substring(0, MessageStart)).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        if (ticket is null) return new TicketNotFound(number);
        var refined = !string.IsNullOrWhiteSpace(query);
        var filter = refined
            ? new ArticleSearchFilter(query, Limit: Count, Prefix: true, PublishedOnly: true)
            : new ArticleSearchFilter(SearchArticles.WordsOf($"{ticket.Subject} {ticket.FirstMessage}"), Limit: Count, AnyWord: true, PublishedOnly: true);
        if (!refined && filter.Q!.Length == 0) return new List<KbArticle>();
        var found = await search.ExecuteAsync(filter, actor, ct);
        if (!found.Succeeded) return found.Error!;
        var ids = found.Value!.Items.Select(h => h.Id).Distinct().ToList();
        var articles = await db.KbArticles.AsNoTracking().VisibleTo(actor).Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        return articles.OrderBy(a => ids.IndexOf(a.Id)).ToList();
    }

    /// <summary>The Markdown a reply gets from the article, its help-centre link or its body; counted as used in a reply.</summary>
    public async Task<Result<string>> InsertAsync(long articleId, ArticleInsert insert, Actor actor, CancellationToken ct)
    {
        var article = await db.KbArticles.AsNoTracking().VisibleTo(actor)
            .FirstOrDefaultAsync(a => a.Id == articleId && a.Status == ArticleStatus.Published, ct);
        if (article is null) return new ArticleNotFound(articleId);
        var text = insert == ArticleInsert.Content ? article.Body : LinkOf(article);
        if (text is null) return ValidationError.For("insert", "An internal article has no public link: insert its content instead.");
        await feedback.CountUseAsync(articleId, actor, ct);
        return text;
    }

    /// <summary>A Markdown link to the article in the help centre, at the address customers reach Rapport at; none for internal articles.</summary>
    public string? LinkOf(KbArticle article) => article.Visibility != ArticleVisibility.Public ? null
        : $"[{MarkdownText(article.Title)}]({mail.Value.PublicUrl.TrimEnd('/')}/portal/help/articles/{article.Id})";

    private static string MarkdownText(string text) => string.Concat(text.Select(c => c is '[' or ']' or '\\' or '*' or '_' or '`' ? $"\\{c}" : c.ToString()));
}
