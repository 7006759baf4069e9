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
}
