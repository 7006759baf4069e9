using System.Text.RegularExpressions;

namespace Rapport.Features.Email.Intake;

/// <summary>The lines mail clients write where the history or the signature begins, in the languages we meet.</summary>
internal static partial class ReplyMarkers
{
    /// <summary>"&gt; text", "&gt;&gt; text", " &gt; text".</summary>
    public static bool IsQuoted(string line) => line.TrimStart().StartsWith('>');

    public static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line);

    /// <summary>
    /// The end of an attribution line: the verb "wrote" in the languages we know, optionally followed by
    /// the writer (German, Dutch and Nordic clients put the name after the verb), and a colon.
    /// </summary>
    [GeneratedRegex(@"\b(?:wrote|schrieb|a\s+écrit|schreef|geschreven|escribió|ha\s+scritto|escreveu|skrev|kirjoitti|napisał|napsal|írta|έγραψε|написал\(а\)|написал|yazdı)(?:\s+[^:]{1,160})?\s*[:：]\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WroteEnding();

    /// <summary>Gmail's older form without a verb: "2026-03-02 10:02 GMT+01:00 Bob &lt;bob@example.com&gt;:".</summary>
    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}\s.{0,200}<[^<>\s]+@[^<>\s]+>\s*[:：]\s*$")]
    private static partial Regex DatedAddressEnding();

    /// <summary>How attribution lines begin ("On", "Am", "Le", "Op", "El", "Il", "Em", "No dia", "Den", a weekday, a date): a wrapped one must.</summary>
    [GeneratedRegex(@"^\s*(?:on|am|le|op|el|il|em|no\s+dia|den|d\.|pá|på|\d|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so|lun|mar|mer|jeu|ven|sam|dim|ma|wo|vr|za|zo|lu|mié|jue|vie|sáb|gio|seg|ter|qua|qui|sex|sáb|dom|mån|tis|ons|tors|fre|lør|søn|tir|man|tor)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AttributionStart();

    /// <summary>Outlook, Thunderbird and Gmail separators: "-----Original Message-----", "---------- Forwarded message ---------".</summary>
    [GeneratedRegex(@"^\s*-{2,}\s*(?:original\s+message|original-nachricht|ursprüngliche\s+nachricht|message\s+d'origine|message\s+original|oorspronkelijk\s+bericht|origineel\s+bericht|mensaje\s+original|messaggio\s+originale|mensagem\s+original|originalmeddelande|ursprungligt\s+meddelande|opprinnelig\s+melding|oprindelig\s+meddelelse|forwarded\s+message|weitergeleitete\s+nachricht|message\s+transféré|doorgestuurd\s+bericht|mensaje\s+reenviado|messaggio\s+inoltrato|mensagem\s+encaminhada|vidarebefordrat\s+meddelande|videresendt\s+melding|videresendt\s+meddelelse)\s*-{2,}\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorLine();

    /// <summary>Apple Mail's and others' "Begin forwarded message:".</summary>
    [GeneratedRegex(@"^\s*(?:begin\s+forwarded\s+message|anfang\s+der\s+weitergeleiteten\s+nachricht|début\s+du\s+message\s+(?:réexpédié|transféré)|begin\s+doorgestuurd\s+bericht|inicio\s+del\s+mensaje\s+reenviado|inizio\s+messaggio\s+inoltrato|início\s+da\s+mensagem\s+(?:reencaminhada|encaminhada)|vidarebefordrat\s+brev|videresendt\s+(?:besked|melding))\s*[:：]\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardedLine();

    /// <summary>Outlook's line of underscores before the header block.</summary>
    [GeneratedRegex(@"^\s*_{10,}\s*$")]
    private static partial Regex UnderscoreLine();

    [GeneratedRegex(@"^\s*\*?(?:from|von|de|van|da|från|fra|od|от|lähettäjä|kimden|feladó|发件人|寄件者|差出人)\s*\*?\s*[:：]\s*\*?\s*\S",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromHeader();

    [GeneratedRegex(@"^\s*\*?(?:sent|date|to|cc|subject|gesendet|datum|an|betreff|envoyé|date|à|objet|verzonden|aan|onderwerp|enviado|fecha|para|asunto|inviato|data|a|oggetto|assunto|skickat|till|ämne|sendt|til|emne|wysłano|do|temat|发送时间|收件人|主题|日期)\s*\*?\s*[:：]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherHeader();

    /// <summary>The footers phones and apps add: "Sent from my iPhone", "Get Outlook for Android", "Von meinem iPhone gesendet".</summary>
    [GeneratedRegex(@"^(?:sent|get|gesendet|von|envoyé|verzonden|verstuurd|enviado|inviato|skickat|sendt)\b.{0,40}\b(?:iphone|ipad|android|ios|mobile|samsung|galaxy|outlook|blackberry|smartphone|handy|mobil|mail\s+for\s+windows|yahoo\s+mail|proton\s*mail)\b.{0,40}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AppFooter();

    /// <summary>"-- " (RFC 3676; many clients trim it to "--"), or a short app footer line.</summary>
    public static bool IsSignatureStart(string line)
    {
        var trimmed = line.Trim();
        return trimmed == "--" || trimmed.Length <= 80 && AppFooter().IsMatch(trimmed);
    }

    public static bool IsSeparator(string line) => SeparatorLine().IsMatch(line) || ForwardedLine().IsMatch(line);

    /// <summary>
    /// How many lines an attribution ("On Mon, 2 Mar 2026 at 10:02, Alice &lt;a@example.com&gt; wrote:")
    /// starting here takes: 1, 2 when Gmail wrapped it over two lines, 0 when this is none. Clients
    /// write a date in it; without a digit ("So I wrote:"), a "… wrote:" line counts only when quoted
    /// lines follow.
    /// </summary>
    public static int AttributionLength(IReadOnlyList<string> lines, int i)
    {
        var line = lines[i];
        if (IsBlank(line) || IsQuoted(line) || line.Length > 300) return 0;
        if (DatedAddressEnding().IsMatch(line)) return 1;
        if (WroteEnding().IsMatch(line)) return line.Any(char.IsDigit) || NextNonBlankIsQuoted(lines, i + 1) ? 1 : 0;
        if (i + 1 >= lines.Count || IsBlank(lines[i + 1]) || IsQuoted(lines[i + 1])) return 0;
        var joined = line.TrimEnd() + " " + lines[i + 1].Trim();
        return joined.Length <= 300 && AttributionStart().IsMatch(line) && joined.Any(char.IsDigit) && WroteEnding().IsMatch(joined) ? 2 : 0;
    }

    /// <summary>Outlook's header block: a From line followed within four lines by Sent, To, Subject or Date.</summary>
    public static bool IsHeaderBlock(IReadOnlyList<string> lines, int i)
    {
        if (UnderscoreLine().IsMatch(lines[i]))
        {
            var next = NextNonBlank(lines, i + 1);
            return next >= 0 && next <= i + 2 && IsHeaderBlock(lines, next);
        }
        if (!FromHeader().IsMatch(lines[i])) return false;
        for (var j = i + 1; j < Math.Min(lines.Count, i + 5); j++)
            if (OtherHeader().IsMatch(lines[j])) return true;
        return false;
    }

    public static bool NextNonBlankIsQuoted(IReadOnlyList<string> lines, int from)
    {
        var next = NextNonBlank(lines, from);
        return next >= 0 && IsQuoted(lines[next]);
    }

    public static int NextNonBlank(IReadOnlyList<string> lines, int from)
    {
        for (var j = from; j < lines.Count; j++)
            if (!IsBlank(lines[j])) return j;
        return -1;
    }
}
