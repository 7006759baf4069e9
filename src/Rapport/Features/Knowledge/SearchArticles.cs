using Rapport.Features.Access;
using Rapport.Features.Customers;
using Rapport.Features.Knowledge.Search;
using Rapport.Features.Search;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Knowledge;

/// <param name="Prefix">Treat the last word as the start of a word (search as you type).</param>
/// <param name="AnyWord">One of the words is enough (suggestions from a sentence); not offered by the API.</param>
/// <param name="PublishedOnly">No drafts, also for staff (suggestions for a reply); not offered by the API.</param>
public sealed record ArticleSearchFilter(string? Q, string? Language = null, int? Limit = null, string? Cursor = null, bool Prefix = false,
    bool AnyWord = false, bool PublishedOnly = false);

/// <summary>
/// Full-text search over articles with the search box's language (<see cref="SearchQueryParser"/>): words, "phrases" and
/// -exclusions; the ticket fields (status:, tag:…) mean nothing here and are refused. Customers and visitors find only
/// published public articles, staff every article.
/// </summary>
public sealed partial class SearchArticles(IArticleSearch search, TimeProvider clock)
{
    private const int MaxSentenceWords = 16; // 16 words of at most 30 letters stay under the search's 500 characters

    /// <summary>
    /// A sentence (a subject, the start of a message) as words to look for with <see cref="ArticleSearchFilter.AnyWord"/>:
    /// letters and digits only, so nothing in it is search syntax, and not the shortest (a, I, do); each word once.
    /// </summary>
    public static string WordsOf(string? sentence) => string.Join(' ', Words().Matches(sentence ?? "").Select(m => m.Value)
        .Where(w => w.Length is > 2 and <= 30).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxSentenceWords));

    public async Task<Result<Page<ArticleHit>>> ExecuteAsync(ArticleSearchFilter filter, Actor actor, CancellationToken ct)
    {
        var parsed = SearchQueryParser.Parse(filter.Q, clock.GetUtcNow());
        if (!parsed.Succeeded) return parsed.Error!;
        var query = parsed.Value!;
        var check = new Validator();
        if (!(query with { Terms = [], ExcludedTerms = [] }).IsEmpty) check.Add("q", "The knowledge base is searched by words, \"phrases\" and -exclusions only.");
        else if (query.Terms.Count == 0 && query.ExcludedTerms.Count == 0) check.Add("q", "Type a word to look for.");
        string? language = null;
        if (!string.IsNullOrWhiteSpace(filter.Language) && (language = LanguageTag.Normalise(filter.Language)) is null)
            check.Add("language", "Must be a language tag, such as en or de.");
        var after = filter.Cursor is null ? null : ArticleSearchCursor.Decode(filter.Cursor);
        if (filter.Cursor is not null && after is null) check.Add("cursor", PageLimits.UnknownCursor);
        PageLimits.Check(filter.Limit, check);
        if (!check.IsValid) return check.ToError();

        var (hits, next) = await search.SearchAsync(new ArticleSearchRequest(query.Terms, query.ExcludedTerms, filter.Prefix, language,
            PublishedPublicOnly: !actor.IsStaff, PageLimits.Clamp(filter.Limit), after, filter.AnyWord, filter.PublishedOnly), ct);
        return new Page<ArticleHit>(hits, next?.Encode());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex Words();
}
