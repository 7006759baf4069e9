using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Rapport.Features.Knowledge;

/// <summary>
/// An article's Markdown as HTML (pure). Raw HTML is not recognised (it shows as text), and every link and image
/// keeps its URL only when it is http, https, mailto or relative: a <c>javascript:</c> or <c>data:</c> link becomes
/// its text, such an image its alt text. Links to other sites get <c>rel="nofollow noopener"</c>.
/// </summary>
public static class ArticleMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList()) Check(link);
        foreach (var link in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeUrl(link.Url)) link.ReplaceBy(new LiteralInline(link.Url));
        }
        return Markdown.ToHtml(document, Pipeline);
    }

    private static void Check(LinkInline link)
    {
        if (IsSafeUrl(link.Url))
        {
            if (!link.IsImage && IsOtherSite(link.Url)) link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener");
            return;
        }
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()))));
            return;
        }
        // The link's words stay, without the link.
        var container = new ContainerInline();
        foreach (var child in link.ToList())
        {
            child.Remove();
            container.AppendChild(child);
        }
        link.ReplaceBy(container);
    }

    /// <summary>http, https and mailto, or a URL with no scheme (relative, "#anchor", "/path"); everything else is refused.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (url is null) return true;
        // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
        var compact = new string([.. url.Where(c => c > ' ' && c != '\u007f')]);
        var colon = compact.IndexOf(':');
        if (colon < 0) return true;
        var firstDelimiter = compact.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon) return true;
        var scheme = compact[..colon];
        return SafeSchemes.Any(s => string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsOtherSite(string? url) =>
        url is not null && (url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("//", StringComparison.Ordinal));
}
