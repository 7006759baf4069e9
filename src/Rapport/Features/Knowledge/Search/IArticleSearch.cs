using Rapport.Features.Search;

namespace Rapport.Features.Knowledge.Search;

/// <summary>
/// What to find: words and phrases that must all appear (the last word as a prefix when <paramref name="PrefixLast"/>),
/// and words and phrases that must not; filtered, and after <paramref name="After"/> when paging. With
/// <paramref name="AnyTerm"/> one of the terms is enough (suggestions from a sentence); more matches rank higher.
/// <paramref name="PublishedOnly"/> leaves out drafts, for staff whose suggestions go into replies.
/// </summary>
public sealed record ArticleSearchRequest(
    IReadOnlyList<SearchTerm> Terms,
    IReadOnlyList<SearchTerm> Excluded,
    bool PrefixLast,
    string? Language,
    bool PublishedPublicOnly,
    int Limit,
    ArticleSearchCursor? After,
    bool AnyTerm = false,
    bool PublishedOnly = false);

/// <summary>Where a page of results ended: the score, the provider's raw last-change key and the id of its last row.</summary>
public sealed record ArticleSearchCursor(double Score, long Updated, long Id)
{
    public string Encode() => Infrastructure.Paging.TextCursor.Encode(
        Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        Updated.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static ArticleSearchCursor? Decode(string? text)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (!Infrastructure.Paging.TextCursor.TryDecode(text, 3, out var parts)) return null;
        return double.TryParse(parts[0], System.Globalization.NumberStyles.Float, inv, out var score) && double.IsFinite(score)
            && long.TryParse(parts[1], System.Globalization.NumberStyles.AllowLeadingSign, inv, out var updated)
            && long.TryParse(parts[2], System.Globalization.NumberStyles.None, inv, out var id)
            ? new ArticleSearchCursor(score, updated, id) : null;
    }
}

/// <summary>One found article. <see cref="Snippet"/> is HTML: escaped text with the matches in &lt;mark&gt;.</summary>
public sealed record ArticleHit(long Id, long SectionId, string Title, string Language, ArticleVisibility Visibility, ArticleStatus Status,
    string Snippet, DateTimeOffset UpdatedAt, double Score);

/// <summary>
/// The database's own full-text search over articles (docs/decisions/0008): FTS5 on SQLite, tsvector on PostgreSQL.
/// Ranked by bm25 / ts_rank_cd (higher is better), then the most recently changed, then the highest id.
/// </summary>
public interface IArticleSearch
{
    Task<(List<ArticleHit> Hits, ArticleSearchCursor? Next)> SearchAsync(ArticleSearchRequest request, CancellationToken ct);
}
