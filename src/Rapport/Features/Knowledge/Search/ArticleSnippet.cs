namespace Rapport.Features.Knowledge.Search;

/// <summary>
/// Passages of articles. The database marks the matched words with <see cref="Rapport.Features.Search.Highlight"/>'s sentinels, and
/// <see cref="Rapport.Features.Search.Highlight.ToHtml"/> turns them into safe HTML, as for tickets.
/// </summary>
public static class ArticleSnippet
{
    /// <summary>The start of a text, for an article found without a match to show (a search of exclusions only).</summary>
    public static string Lead(string body, int length = 200) => body.Length <= length ? body : body[..length] + "…";
}
