using System.Globalization;
using System.Text.RegularExpressions;

namespace Rapport.Features.Email.Intake;

/// <summary>
/// Subject lines as follow-up detection needs them: <see cref="Normalise"/> strips what mail clients,
/// lists and gateways add, so "AW: [EXTERNAL] Re[2]: Invoice" matches "Invoice"; the ticket token
/// "[#1042]" (or "[Acme #1042]" with a configured prefix) ties a reply to its ticket.
/// When a subject holds several tokens the last one wins: Rapport appends its token at the end,
/// so in "Fwd: [#7] Printer [#1042]" the ticket that wrote last is 1042.
/// </summary>
public static partial class SubjectLine
{
    /// <summary>
    /// What comes off the front of a subject, one piece per match (matched from a position, so a long run
    /// of pieces comes off in one pass): reply and forward prefixes in the languages mail clients write
    /// them — English, German (AW, WG), Nordic (SV, VS, VB, VL), Dutch (Antw, Doorst), French (Réf, TR),
    /// Spanish/Portuguese (RV, ENC, RES), Italian (R, RIF, I), Polish (Odp, PD), Turkish (YNT, ILT),
    /// Chinese and Japanese — with a counter ("Re[2]:", "Re(3):", "RE^2:") and an ASCII or full-width
    /// colon; a tag in brackets (a list's "[users]", a gateway's "[EXTERNAL]"); and gateway markers
    /// written without brackets ("*EXTERNAL*", "(EXTERNAL)", "EXTERNAL:", "EXT:").
    /// </summary>
    [GeneratedRegex(@"\G(?:(?:re|aw|antw|antwort|sv|vs|vb|vl|svar|r|rif|rv|res|réf|tr|fw|fwd|wg|enc|doorst|odp|pd|ynt|ilt|i|回复|回覆|答复|答覆|转发|轉寄|转寄|返信|転送)\s*(?:\[\d+\]|\(\d+\)|\^\d+)?\s*[:：]|\[[^\[\]]{1,60}\]|\*+\s*(?:external|ext)\s*\*+|\((?:external|ext)\)|(?:external|ext)\s*:)\s*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingPiece();

    /// <summary>Any ticket token, whatever its prefix: "[#12]", "[Acme #12]", "[Ticket#12]".</summary>
    [GeneratedRegex(@"\[(?<prefix>[^\[\]#]{0,40})#(?<number>\d{1,19})\]")]
    private static partial Regex AnyToken();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>
    /// The subject without reply/forward prefixes, leading tags and markers, ticket tokens or extra
    /// white space, repeated until nothing more comes off (so normalising twice changes nothing).
    /// Case is kept; compare normalised subjects with <see cref="StringComparison.OrdinalIgnoreCase"/>.
    /// </summary>
    public static string Normalise(string? subject)
    {
        var text = subject ?? "";
        while (true)
        {
            var before = text;
            text = AnyToken().Replace(text, " ");
            text = Whitespace().Replace(text, " ").Trim();
            text = text[LeadingPieces(text)..];
            if (text == before) return text;
        }
    }

    private static int LeadingPieces(string text)
    {
        var at = 0;
        for (var piece = LeadingPiece().Match(text, at); piece.Success && piece.Length > 0; piece = LeadingPiece().Match(text, at))
            at += piece.Length;
        return at;
    }

    /// <summary>
    /// The ticket number in the subject's last token that carries the configured prefix (or none:
    /// "[#1042]" is always accepted, so tokens sent before a prefix was configured still match).
    /// Tokens with another prefix belong to another system and are ignored. Null when there is none,
    /// or the number is zero or does not fit a long.
    /// </summary>
    public static long? TicketNumber(string? subject, string? prefix = null)
    {
        if (string.IsNullOrEmpty(subject)) return null;
        var wanted = (prefix ?? "").Trim();
        long? found = null;
        foreach (Match match in AnyToken().Matches(subject))
        {
            var tokenPrefix = match.Groups["prefix"].Value.Trim();
            if (tokenPrefix.Length > 0 && !tokenPrefix.Equals(wanted, StringComparison.OrdinalIgnoreCase)) continue;
            if (long.TryParse(match.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
                found = number;
        }
        return found;
    }

    /// <summary>The token for a ticket: "[#1042]", or "[Acme #1042]" with a prefix.</summary>
    public static string Token(long ticketNumber, string? prefix = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticketNumber);
        var text = (prefix ?? "").Trim();
        return text.Length == 0
            ? $"[#{ticketNumber.ToString(CultureInfo.InvariantCulture)}]"
            : $"[{text} #{ticketNumber.ToString(CultureInfo.InvariantCulture)}]";
    }

    /// <summary>
    /// An outgoing subject carrying the ticket's token at the end, unless its last token already
    /// names this ticket (a reply to our own mail); white space is tidied, prefixes are left alone.
    /// </summary>
    public static string WithTicketToken(string? subject, long ticketNumber, string? prefix = null)
    {
        var token = Token(ticketNumber, prefix);
        var text = Whitespace().Replace(subject ?? "", " ").Trim();
        if (TicketNumber(text, prefix) == ticketNumber) return text;
        return text.Length == 0 ? token : $"{text} {token}";
    }
}
