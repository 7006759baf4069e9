using System.Collections.Frozen;
using AngleSharp.Dom;

namespace Rapport.Features.Email.Intake;

/// <summary>Walks an HTML document for <see cref="HtmlText"/>, writing what each element means as plain text.</summary>
internal sealed class HtmlTextWalk(PlainTextWriter writer)
{
    private static readonly FrozenSet<string> Dropped = new[]
    {
        "script", "style", "head", "title", "template", "noscript", "svg", "math", "iframe", "object", "embed",
        "meta", "link", "base", "input", "select", "textarea", "button", "audio", "video", "canvas", "map",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Blocks = new[]
    {
        "div", "table", "tbody", "thead", "tfoot", "section", "article", "header", "footer", "main", "nav", "aside",
        "address", "dl", "dt", "dd", "figure", "figcaption", "center", "form", "fieldset", "details", "summary", "hr", "caption", "tr",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Paragraphs = new[] { "p", "h1", "h2", "h3", "h4", "h5", "h6" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Deeper than this, an element's text is written as it is: no mail needs it, and recursion must end somewhere.</summary>
    private const int MaxNesting = 200;

    public PlainTextWriter Writer { get; } = writer;
    private readonly Stack<(bool Ordered, int Next)> lists = new();
    private int preformatted;
    private bool quotingRest;

    public void Children(INode node, int nesting)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                if (preformatted > 0) Writer.WritePreformatted(text.Data);
                else Writer.WriteCollapsed(text.Data);
            }
            else if (child is IElement element)
            {
                Element(element, nesting + 1);
            }
        }
    }

    private void Element(IElement element, int nesting)
    {
        var name = element.LocalName;
        if (Dropped.Contains(name) || IsHidden(element)) return;
        if (nesting > MaxNesting)
        {
            Writer.WriteCollapsed(element.TextContent);
            return;
        }
        if (!quotingRest && QuoteMarkers.StartsOutlookHistory(element))
        {
            quotingRest = true;
            Writer.EnsureLineStart();
            Writer.Depth++;
        }
        if (QuoteMarkers.IsSignature(element)) SignatureSeparator();
        switch (name)
        {
            case "br":
                Writer.LineBreak();
                break;
            case "blockquote" when QuoteMarkers.IsIndentOnly(element):
                Block(element, nesting);
                break;
            case "blockquote":
            case "div" when QuoteMarkers.IsQuoteContainer(element):
                Quoted(element, nesting);
                break;
            case "ul" or "ol":
                Writer.EnsureLineStart();
                lists.Push((name == "ol", 1));
                Children(element, nesting);
                lists.Pop();
                Writer.EnsureLineStart();
                break;
            case "li":
                ListItem(element, nesting);
                break;
            case "pre":
                Writer.EnsureLineStart();
                preformatted++;
                Children(element, nesting);
                preformatted--;
                Writer.EnsureLineStart();
                break;
            case "td" or "th":
                if (!Writer.LineIsEmpty && !string.IsNullOrWhiteSpace(element.TextContent)) Writer.Append("|", spaceAfter: true);
                Children(element, nesting);
                break;
            case "a":
                Children(element, nesting);
                if (LinkTarget(element) is { } target) Writer.Append($"({target})");
                break;
            case "img":
                if (element.GetAttribute("alt") is { Length: > 0 } alt) Writer.WriteCollapsed(" " + alt + " ");
                break;
            default:
                if (Paragraphs.Contains(name)) Paragraph(element, nesting);
                else if (Blocks.Contains(name)) Block(element, nesting);
                else Children(element, nesting);
                break;
        }
    }

    /// <summary>Gmail and Thunderbird mark the signature with a class; its "-- " line is not always there.</summary>
    private void SignatureSeparator()
    {
        Writer.EnsureLineStart();
        if (Writer.LastLine == "--") return;
        Writer.WriteCollapsed("--");
        Writer.LineBreak();
    }

    /// <summary>A block holding only a non-breaking space is how Outlook and others write a blank line.</summary>
    private void Block(IElement element, int nesting)
    {
        Writer.EnsureLineStart();
        var before = Writer.LineCount;
        Children(element, nesting);
        if (WroteNothing(before) && element.TextContent.Contains('\u00a0')) Writer.LineBreak();
        else Writer.EnsureLineStart();
    }

    private bool WroteNothing(int linesBefore) => Writer.LineIsEmpty && Writer.LineCount == linesBefore;

    /// <summary>Outlook writes one &lt;p class=MsoNormal&gt; per line, without margins, and one holding &amp;nbsp; for a blank line.</summary>
    private void Paragraph(IElement element, int nesting)
    {
        var outlookLine = element.ClassList.Contains("MsoNormal");
        if (outlookLine) Writer.EnsureLineStart();
        else Writer.EnsureBlankLine();
        var before = Writer.LineCount;
        Children(element, nesting);
        if (outlookLine && WroteNothing(before) && element.TextContent.Contains('\u00a0')) Writer.LineBreak();
        else if (outlookLine) Writer.EnsureLineStart();
        else Writer.EnsureBlankLine();
    }

    private void Quoted(IElement element, int nesting)
    {
        Writer.EnsureLineStart();
        Writer.Depth++;
        Children(element, nesting);
        Writer.EnsureLineStart();
        Writer.Depth--;
    }

    private void ListItem(IElement element, int nesting)
    {
        Writer.EnsureLineStart();
        var indent = new string(' ', Math.Max(0, lists.Count - 1) * 2);
        if (lists.TryPop(out var list))
        {
            Writer.WriteVerbatim(indent + (list.Ordered ? $"{list.Next}. " : "- "));
            lists.Push(list with { Next = list.Next + 1 });
        }
        else Writer.WriteVerbatim("- ");
        Children(element, nesting);
        Writer.EnsureLineStart();
    }

    private static string? LinkTarget(IElement link)
    {
        var href = (link.GetAttribute("href") ?? "").Trim();
        if (href.Length == 0 || href.StartsWith('#')
            || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("cid:", StringComparison.OrdinalIgnoreCase)) return null;
        var text = string.Join(' ', (link.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Comparable(text) == Comparable(href) ? null : href;
    }

    private static string Comparable(string url)
    {
        var text = url.Trim().TrimEnd('/');
        foreach (var scheme in (string[])["mailto:", "tel:", "https://", "http://"])
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) text = text[scheme.Length..];
        return text.ToLowerInvariant();
    }

    private static bool IsHidden(IElement element)
    {
        var style = QuoteMarkers.Style(element);
        return style.Contains("display:none", StringComparison.Ordinal) || style.Contains("mso-hide:all", StringComparison.Ordinal);
    }
}
