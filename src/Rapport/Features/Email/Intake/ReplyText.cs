namespace Rapport.Features.Email.Intake;

/// <summary>What the customer newly wrote, and everything else (quoted history, signature), so nothing is lost.</summary>
public sealed record ReplyParts(string NewText, string Rest);

/// <summary>
/// Separates the new text of an incoming mail from the history it quotes and the signature below it,
/// so the ticket timeline shows what the customer just wrote. The text is cut at one line: the first
/// of a quoted line ("&gt; …"), an attribution ("On … wrote:", "Am … schrieb …:", "Le … a écrit :" …),
/// a separator ("-----Original Message-----", "Begin forwarded message:"), an Outlook header block
/// ("From: … Sent: …") or a signature ("-- ", "Sent from my iPhone"). Two safeguards keep the
/// customer's words: when they answered between quoted lines (inline or bottom-posted replies) the
/// whole text is new, and when the cut would leave nothing the whole text is new.
/// </summary>
public static class ReplyText
{
    /// <summary>Splits the plain text; when a mail has only HTML, its text as <see cref="HtmlText"/> reads it.</summary>
    public static ReplyParts Split(string? plainText, string? html = null)
    {
        var text = !string.IsNullOrWhiteSpace(plainText) ? plainText : html is null ? "" : HtmlText.ToText(html);
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var at = CutAt(lines);
        var newText = Join(lines[..at]);
        var rest = Join(lines[at..]);
        return newText.Length == 0 ? new ReplyParts(Join(lines), "") : new ReplyParts(newText, rest);
    }

    /// <summary>The index of the first line that is not new text (the line count when all of it is).</summary>
    internal static int CutAt(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (ReplyMarkers.IsSignatureStart(line)) return i;
            if (ReplyMarkers.IsQuoted(line)) return AnsweredBetweenQuotes(lines, i) ? lines.Count : i;
            var attribution = ReplyMarkers.AttributionLength(lines, i);
            if (attribution > 0)
                return ReplyMarkers.NextNonBlankIsQuoted(lines, i + attribution) && AnsweredBetweenQuotes(lines, i + attribution)
                    ? lines.Count
                    : i;
            if (ReplyMarkers.IsSeparator(line) || ReplyMarkers.IsHeaderBlock(lines, i)) return i;
        }
        return lines.Count;
    }

    /// <summary>
    /// Whether an unquoted line follows quoted ones before a signature or an older, unquoted history:
    /// the customer answered inline (or below the quote), and cutting would throw their answers away.
    /// </summary>
    private static bool AnsweredBetweenQuotes(IReadOnlyList<string> lines, int from)
    {
        var first = ReplyMarkers.NextNonBlank(lines, from);
        if (first < 0 || !ReplyMarkers.IsQuoted(lines[first])) return false;
        for (var j = first + 1; j < lines.Count; j++)
        {
            var line = lines[j];
            if (ReplyMarkers.IsBlank(line) || ReplyMarkers.IsQuoted(line)) continue;
            if (ReplyMarkers.IsSignatureStart(line) || ReplyMarkers.IsSeparator(line) || ReplyMarkers.IsHeaderBlock(lines, j)) return false;
            var attribution = ReplyMarkers.AttributionLength(lines, j);
            if (attribution > 0)
            {
                j += attribution - 1;
                continue;
            }
            return true;
        }
        return false;
    }

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines.Select(l => l.TrimEnd())).Trim();
}
