namespace Rapport.Mime;

/// <summary>What was wrong with a message that the parser read anyway.</summary>
public enum DefectKind
{
    TooLarge,
    NestingTooDeep,
    TooManyHeaders,
    HeaderTooLong,
    MissingHeaderBodySeparator,
    BareLineFeed,
    EightBitHeader,
    InvalidEncodedWord,
    InvalidAddress,
    InvalidDate,
    InvalidParameter,
    MissingBoundaryParameter,
    MissingBoundary,
    UnclosedBoundary,
    DuplicateBoundary,
    InvalidBase64,
    InvalidQuotedPrintable,
    UnknownTransferEncoding,
    UnknownCharset,
    InvalidCharsetData,
}

/// <summary>One defect: its kind, where it was found (a part path like "1.2" and/or a header name), and a short text.</summary>
public sealed record MimeDefect(DefectKind Kind, string Where, string Text);

/// <summary>Collects defects; a nested message's list also feeds its parent's.</summary>
internal sealed class DefectList(DefectList? parent = null)
{
    private readonly DefectList? parent = parent;
    private readonly List<MimeDefect> items = [];

    public IReadOnlyList<MimeDefect> Items => items;

    public void Add(DefectKind kind, string where, string text)
    {
        var defect = new MimeDefect(kind, where, text);
        for (var list = this; list is not null; list = list.parent)
        {
            // A limit hit in a loop would otherwise report itself thousands of times.
            if (list.items.Count >= 1000) return;
            list.items.Add(defect);
        }
    }
}
