using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Rapport.Features.Email.Intake;

/// <summary>
/// Readable plain text from an HTML mail body: blocks and &lt;br&gt; as line breaks, paragraphs with a
/// blank line between them, lists as "- " and "1. ", links as "text (url)" when the two differ,
/// table rows as lines with " | " between cells, scripts, styles and hidden elements dropped.
/// Quoted history becomes "&gt; " lines so <see cref="ReplyText"/> can separate it: blockquotes
/// (Gmail's gmail_quote, Apple Mail's and Thunderbird's type=cite) and Yahoo's yahoo_quoted are
/// quoted; from Outlook's reply header (#divRplyFwdMsg, #appendonsend, the border-top separator)
/// everything to the end of the document is, since Outlook puts the history after it, not inside.
/// </summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new();

    public static string ToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var document = Parser.ParseDocument(html);
        var root = (INode?)document.Body ?? document.DocumentElement;
        var walk = new HtmlTextWalk(new PlainTextWriter());
        walk.Children(root, 0);
        return walk.Writer.ToString();
    }
}
