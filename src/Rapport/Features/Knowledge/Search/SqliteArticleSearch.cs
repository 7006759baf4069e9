using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rapport.Data;
using Rapport.Features.Search;

namespace Rapport.Features.Knowledge.Search;

/// <summary>
/// FTS5 over <c>article_search(title, body)</c>, rowid = article id. Each term is one FTS5 string ("…", quotes
/// doubled), so nothing typed is read as FTS5 syntax; a phrase is a string of several words; the last word of a
/// search typed as you go is a prefix ("…"*). Title matches weigh ten times body matches in bm25.
/// </summary>
internal sealed class SqliteArticleSearch(RapportDbContext db) : IArticleSearch
{
    private static readonly DateTimeOffsetToBinaryConverter Time = new();

    public async Task<(List<ArticleHit> Hits, ArticleSearchCursor? Next)> SearchAsync(ArticleSearchRequest request, CancellationToken ct)
    {
        var parameters = new Dictionary<string, object> { ["@limit"] = request.Limit + 1 };
        var filters = SearchCommand.Filters(request, parameters);
        string inner;
        if (request.Terms.Count > 0)
        {
            var match = "(" + string.Join(request.AnyTerm ? " OR " : " AND ", request.Terms.Select((t, i) => Quote(t.Text) + (request.PrefixLast && i == request.Terms.Count - 1 && !t.IsPhrase ? "*" : ""))) + ")";
            if (request.Excluded.Count > 0) match += " NOT (" + string.Join(" OR ", request.Excluded.Select(t => Quote(t.Text))) + ")";
            parameters["@match"] = match;
            inner = $"""
                SELECT a."Id" AS id, a."SectionId" AS section, a."Title" AS title, a."Language" AS language, a."Visibility" AS visibility,
                       a."Status" AS status, a."UpdatedAt" AS updated, -bm25(article_search, 10.0, 1.0) AS score,
                       snippet(article_search, 1, char({(int)Highlight.Start}), char({(int)Highlight.End}), '…', 24) AS snippet
                FROM article_search JOIN "KbArticles" a ON a."Id" = article_search.rowid
                WHERE article_search MATCH @match{filters}
                """;
        }
        else
        {
            parameters["@match"] = string.Join(" OR ", request.Excluded.Select(t => Quote(t.Text)));
            inner = $"""
                SELECT a."Id" AS id, a."SectionId" AS section, a."Title" AS title, a."Language" AS language, a."Visibility" AS visibility,
                       a."Status" AS status, a."UpdatedAt" AS updated, 0.0 AS score, substr(a."Body", 1, 200) AS snippet
                FROM "KbArticles" a
                WHERE a."Id" NOT IN (SELECT rowid FROM article_search WHERE article_search MATCH @match){filters}
                """;
        }
        var after = SearchCommand.After(request, parameters, request.After?.Updated ?? 0L);
        var sql = $"SELECT * FROM ({inner}){after} ORDER BY score DESC, updated DESC, id DESC LIMIT @limit";
        var rows = await SearchCommand.ReadAsync(db, sql, parameters, r => (
            Hit: new ArticleHit(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), Enum.Parse<ArticleVisibility>(r.GetString(4)),
                Enum.Parse<ArticleStatus>(r.GetString(5)), Highlight.ToHtml(r.IsDBNull(8) ? "" : r.GetString(8)),
                (DateTimeOffset)Time.ConvertFromProvider(r.GetInt64(6))!, r.GetDouble(7)),
            Updated: r.GetInt64(6)), ct);
        var next = rows.Count > request.Limit ? new ArticleSearchCursor(rows[request.Limit - 1].Hit.Score, rows[request.Limit - 1].Updated, rows[request.Limit - 1].Hit.Id) : null;
        return ([.. rows.Take(request.Limit).Select(r => r.Hit)], next);
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
