using AngleSharp.Dom;

namespace Rapport.Features.Email.Intake;

/// <summary>How mail clients mark quoted history and signatures in HTML.</summary>
internal static class QuoteMarkers
{
    private static readonly string[] OutlookHistoryIds = ["divRplyFwdMsg", "appendonsend", "mail-editor-reference-message-container"];

    /// <summary>Outlook desktop's separator: the reply header sits in a div with a thin grey or blue top border.</summary>
    private static readonly string[] OutlookSeparatorStyles = ["border-top:solid#e1e1e1", "border-top:solid#b5c4df"];

    /// <summary>Where Outlook's history begins; it runs to the end of the document.</summary>
    public static bool StartsOutlookHistory(IElement element) =>
        OutlookHistoryIds.Any(id => string.Equals(element.Id, id, StringComparison.OrdinalIgnoreCase))
        || element.ClassList.Contains("OutlookMessageHeader")
        || element.LocalName == "div" && OutlookSeparatorStyles.Any(s => Style(element).Contains(s, StringComparison.Ordinal));

    /// <summary>Yahoo's history container (its class carries a per-message prefix: "ydp3f2yahoo_quoted").</summary>
    public static bool IsQuoteContainer(IElement element) =>
        element.ClassList.Any(c => c.EndsWith("yahoo_quoted", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Gmail's "Indent more" writes the customer's own text in a blockquote without a border; a quote
    /// has one (or says type=cite, or carries a quote class).
    /// </summary>
    public static bool IsIndentOnly(IElement blockquote) =>
        !string.Equals(blockquote.GetAttribute("type"), "cite", StringComparison.OrdinalIgnoreCase)
        && !blockquote.ClassList.Any(c => c.Contains("quote", StringComparison.OrdinalIgnoreCase))
        && Style(blockquote).Contains("border:none", StringComparison.Ordinal);

    /// <summary>Gmail's and Thunderbird's signature containers.</summary>
    public static bool IsSignature(IElement element) =>
        element.ClassList.Contains("gmail_signature") || element.ClassList.Contains("moz-signature");

    /// <summary>The style attribute without white space, in lower case, for matching.</summary>
    public static string Style(IElement element) =>
        string.Concat((element.GetAttribute("style") ?? "").Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
}
