using Rapport.Data;
using Rapport.Features.Search;

namespace Rapport.Features.Knowledge.Search;

/// <summary>
/// tsvector over <c>article_search</c> ('simple' configuration, title weighted A, body B, both through
/// <c>rapport_search_text</c> as tickets are). Each term becomes <c>phraseto_tsquery('simple', rapport_search_text(@term))</c>,
/// so nothing typed is read as tsquery syntax. Snippets come from <c>ts_headline</c>, for the page's rows only.
/// </summary>
internal sealed class PostgreSqlArticleSearch(RapportDbContext db) : IArticleSearch
{
    private static readonly string HeadlineOptions =
        $"StartSel={Highlight.Start}, StopSel={Highlight.End}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    public async Task<(List<ArticleHit> Hits, ArticleSearchCursor? Next)> SearchAsync(ArticleSearchRequest request, CancellationToken ct)
    {
        var parameters = new Dictionary<string, object> { ["@limit"] = request.Limit + 1, ["@options"] = HeadlineOptions };
        var filters = SearchCommand.Filters(request, parameters);
        var excluded = request.Excluded.Count == 0 ? null
            : "(" + string.Join(" || ", request.Excluded.Select((t, i) => Phrase(t, $"@x{i}", parameters))) + ")";
        string inner, headline;
        if (request.Terms.Count > 0)
        {
            var query = string.Join(request.AnyTerm ? " || " : " && ", request.Terms.Select((t, i) =>
                Phrase(t, $"@t{i}", parameters, prefix: request.PrefixLast && i == request.Terms.Count - 1 && !t.IsPhrase)));
            if (excluded is not null) query = $"({query}) && !!{excluded}";
            inner = $"""
                SELECT a."Id" AS id, a."SectionId" AS section, a."Title" AS title, a."Language" AS language, a."Visibility" AS visibility,
                       a."Status" AS status, a."UpdatedAt" AS updated, ts_rank_cd(s.document, q.query)::float8 AS score, q.query AS query
                FROM article_search s JOIN "KbArticles" a ON a."Id" = s.article_id, (SELECT {query} AS query) q
                WHERE s.document @@ q.query{filters}
                """;
            headline = "ts_headline('simple'::regconfig, s.body, p.query, @options)";
        }
        else
        {
            inner = $"""
                SELECT a."Id" AS id, a."SectionId" AS section, a."Title" AS title, a."Language" AS language, a."Visibility" AS visibility,
                       a."Status" AS status, a."UpdatedAt" AS updated, 0.0::float8 AS score, NULL::tsquery AS query
                FROM "KbArticles" a
                WHERE NOT EXISTS (SELECT 1 FROM article_search x WHERE x.article_id = a."Id" AND x.document @@ {excluded}){filters}
                """;
            headline = "left(s.body, 200)";
        }
        var after = SearchCommand.After(request, parameters, request.After is { } cursor ? new DateTimeOffset(cursor.Updated, TimeSpan.Zero) : DateTimeOffset.MinValue);
        var sql = $"""
            SELECT p.id, p.section, p.title, p.language, p.visibility, p.status, p.updated, p.score, {headline} AS snippet
            FROM (SELECT * FROM ({inner}) matches{after} ORDER BY score DESC, updated DESC, id DESC LIMIT @limit) p
            JOIN article_search s ON s.article_id = p.id
            ORDER BY p.score DESC, p.updated DESC, p.id DESC
            """;
        var hits = await SearchCommand.ReadAsync(db, sql, parameters, r => new ArticleHit(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3),
            Enum.Parse<ArticleVisibility>(r.GetString(4)), Enum.Parse<ArticleStatus>(r.GetString(5)),
            Highlight.ToHtml(r.IsDBNull(8) ? "" : r.GetString(8)), r.GetFieldValue<DateTimeOffset>(6), r.GetDouble(7)), ct);
        var next = hits.Count > request.Limit
            ? new ArticleSearchCursor(hits[request.Limit - 1].Score, hits[request.Limit - 1].UpdatedAt.UtcTicks, hits[request.Limit - 1].Id) : null;
        return ([.. hits.Take(request.Limit)], next);
    }

    /// <summary>
    /// A term as a tsquery over a parameter, through <c>rapport_search_text</c> as the index's text is (accents and
    /// punctuation as tickets have them). As a prefix ("refu", "e-mai"), its last word is marked <c>:*</c>.
    /// </summary>
    private static string Phrase(SearchTerm term, string name, Dictionary<string, object> parameters, bool prefix = false)
    {
        parameters[name] = term.Text;
        var phrase = $"phraseto_tsquery('simple'::regconfig, rapport_search_text({name}))";
        return prefix ? $"(CASE WHEN numnode({phrase}) = 0 THEN {phrase} ELSE ({phrase}::text || ':*')::tsquery END)" : phrase;
    }
}
