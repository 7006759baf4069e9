using System.Collections.Frozen;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Rapport.Features.Tickets.Content;

/// <summary>
/// An allow-list HTML sanitiser over AngleSharp's DOM: known-safe elements and attributes stay,
/// dangerous elements go with their content, unknown elements are unwrapped to their text,
/// and links keep only http, https and mailto (images also cid, for inline mail images).
/// </summary>
public static class HtmlSanitiser
{
    private static readonly FrozenSet<string> AllowedElements = new[]
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "div", "dl", "dt",
        "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre",
        "q", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Removed together with everything inside them.</summary>
    private static readonly FrozenSet<string> DroppedElements = new[]
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "template",
        "svg", "math", "form", "input", "button", "select", "textarea", "link", "meta", "base", "title", "head",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> AllowedAttributes = new[]
    {
        "href", "src", "alt", "title", "colspan", "rowspan", "start", "reversed", "cite", "dir", "lang", "width", "height",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly HtmlParser Parser = new();

    public static string Sanitise(string html)
    {
        var document = Parser.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html;
        Clean(body);
        return body.InnerHtml;
    }

    public static string ToPlainText(string safeHtml)
    {
        var document = Parser.ParseDocument("<body></body>");
        document.Body!.InnerHtml = safeHtml;
        foreach (var br in document.Body.QuerySelectorAll("br").ToList()) br.Replace(document.CreateTextNode("\n"));
        foreach (var block in document.Body.QuerySelectorAll("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre"))
            block.Append(document.CreateTextNode("\n"));
        return string.Join('\n', (document.Body.TextContent ?? "").Split('\n').Select(l => l.TrimEnd())).Trim();
    }

    private static void Clean(INode parent)
    {
        foreach (var child in parent.ChildNodes.ToList())
        {
            switch (child)
            {
                case IComment:
                    child.RemoveFromParent();
                    break;
                case IElement element when DroppedElements.Contains(element.LocalName):
                    element.Remove();
                    break;
                case IElement element when !AllowedElements.Contains(element.LocalName):
                    Clean(element);
                    foreach (var grandChild in element.ChildNodes.ToList()) parent.InsertBefore(grandChild, element);
                    element.Remove();
                    break;
                case IElement element:
                    CleanAttributes(element);
                    Clean(element);
                    break;
            }
        }
    }

    private static void CleanAttributes(IElement element)
    {
        foreach (var attribute in element.Attributes.ToList())
        {
            var keep = AllowedAttributes.Contains(attribute.Name) && attribute.Name switch
            {
                "href" => IsSafeUrl(attribute.Value, allowCid: false),
                "src" => element.LocalName == "img" && IsSafeUrl(attribute.Value, allowCid: true),
                _ => true,
            };
            if (!keep) element.RemoveAttribute(attribute.Name);
        }
        if (element.LocalName == "a" && element.HasAttribute("href"))
        {
            element.SetAttribute("rel", "noopener noreferrer nofollow");
            element.SetAttribute("target", "_blank");
        }
    }

    internal static bool IsSafeUrl(string url, bool allowCid)
    {
        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        if (trimmed.StartsWith('#') || trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal)) return true;
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)) return !trimmed.Contains(':');
        return uri.Scheme is "http" or "https" or "mailto" || allowCid && uri.Scheme == "cid";
    }
}
