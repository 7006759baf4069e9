using System.Net;
using System.Text;

namespace Rapport.Features.Search;

/// <summary>
/// Snippets come from the database with the matched words between two private-use characters; only here do they become
/// HTML: the text between them is encoded, and each pair becomes one &lt;mark&gt;, so nothing a customer wrote becomes
/// markup, and a stray sentinel typed into a message can never leave a tag open or close one twice.
/// </summary>
public static class Highlight
{
    public const char Start = '\uE000';
    public const char End = '\uE001';

    public static string ToHtml(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        var text = marked.Trim();
        var open = false;
        var from = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != Start && text[i] != End) continue;
            html.Append(WebUtility.HtmlEncode(text[from..i]));
            from = i + 1;
            if (i == text.Length) break;
            if (text[i] == Start && !open) { html.Append("<mark>"); open = true; }
            else if (text[i] == End && open) { html.Append("</mark>"); open = false; }
        }
        if (open) html.Append("</mark>");
        return html.ToString();
    }
}
