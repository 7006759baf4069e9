using System.Net;
using System.Text;

namespace Rapport.Features.Knowledge.Search;

/// <summary>
/// Turns a snippet the database highlighted with private-use sentinels into HTML: the text escaped, and only our own
/// &lt;mark&gt; tags added, always balanced (a stray sentinel in an article cannot open a tag that never closes).
/// </summary>
public static class ArticleSnippet
{
    public const char Start = '\uE000';
    public const char Stop = '\uE001';

    public static string ToHtml(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var html = new StringBuilder(raw.Length + 32);
        var open = false;
        var run = new StringBuilder();
        void Flush()
        {
            html.Append(WebUtility.HtmlEncode(run.ToString()));
            run.Clear();
        }
        foreach (var c in raw)
        {
            if (c == Start && !open) { Flush(); html.Append("<mark>"); open = true; }
            else if (c == Stop && open) { Flush(); html.Append("</mark>"); open = false; }
            else if (c is not (Start or Stop)) run.Append(c);
        }
        Flush();
        if (open) html.Append("</mark>");
        return html.ToString();
    }

    /// <summary>The start of a text, for an article found without a match to show (a search of exclusions only).</summary>
    public static string Lead(string body, int length = 200) => body.Length <= length ? body : body[..length] + "…";
}
