using Markdig;

namespace Rapport.Features.Tickets.Content;

/// <summary>
/// Turns what someone wrote into the two forms a message keeps: plain text (for search, mail and
/// previews) and sanitised HTML (for display). Written text is Markdown with raw HTML disabled;
/// HTML from a channel goes through the allow-list sanitiser.
/// </summary>
public static class MessageBody
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static (string Text, string Html) FromMarkdown(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        return (markdown, HtmlSanitiser.Sanitise(html));
    }

    public static (string Text, string Html) FromHtml(string html)
    {
        var safe = HtmlSanitiser.Sanitise(html);
        return (HtmlSanitiser.ToPlainText(safe), safe);
    }

    /// <summary>Plain text as it was written (an email's text part): escaped, blank lines as paragraphs, line ends kept; never read as Markdown.</summary>
    public static (string Text, string Html) FromPlainText(string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
        var paragraphs = System.Text.RegularExpressions.Regex.Split(normalised, @"\n[ \t]*\n+")
            .Where(p => p.Trim().Length > 0)
            .Select(p => "<p>" + string.Join("<br>", p.Split('\n').Select(System.Net.WebUtility.HtmlEncode)) + "</p>");
        return (normalised, string.Concat(paragraphs));
    }
}
