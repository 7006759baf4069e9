using System.Text.RegularExpressions;

namespace Rapport.Features.Email.Intake;

/// <summary>
/// The parts of a bounce as the parser found them: the message/delivery-status text, the human-readable
/// text, and the returned original's headers (as parsed headers, or the text of a text/rfc822-headers
/// part). Any of them may be missing; old-style bounces have only the text, with the original inlined.
/// </summary>
public sealed record BounceParts(
    string? DeliveryStatus = null,
    string? HumanText = null,
    IReadOnlyList<MailHeader>? OriginalHeaders = null,
    string? OriginalHeadersText = null);

public enum BounceSeverity
{
    /// <summary>5.x.x: the address will not work; stop writing to it.</summary>
    Permanent,

    /// <summary>4.x.x: delivery is delayed and still being tried.</summary>
    Delayed,
}

/// <param name="Status">The enhanced status code (RFC 3463), e.g. "5.1.1"; derived from the SMTP reply ("550" → "5.0.0") when none is given.</param>
/// <param name="Diagnostic">What the receiving server said, e.g. "550 5.1.1 &lt;x@example.org&gt;: Recipient address rejected: User unknown".</param>
public sealed record FailedRecipient(string Address, string Status, BounceSeverity Severity, string? Diagnostic);

/// <param name="OriginalMessageId">The Message-ID of the mail that bounced, in angle brackets, to mark Rapport's outgoing message as failed.</param>
public sealed record BounceResult(IReadOnlyList<FailedRecipient> Recipients, string? OriginalMessageId)
{
    public bool IsPermanent => Recipients.Any(r => r.Severity == BounceSeverity.Permanent);
}

/// <summary>
/// Reads a delivery failure report: the standard delivery-status (RFC 3464) that Postfix, Exim and
/// Exchange write, or, when there is none, the human-readable text (Exim's older "This message was
/// created automatically by mail delivery software", Exchange's "Delivery has failed to these
/// recipients or groups"). Successful and relayed recipients are left out.
/// </summary>
public static partial class BounceReport
{
    /// <summary>"550 5.1.1", "550-5.1.1": an SMTP reply with its enhanced code, the surest place to read one.</summary>
    [GeneratedRegex(@"(?<![\d.])[245]\d\d[ -]([245]\.\d{1,3}\.\d{1,3})(?![\d.])")]
    private static partial Regex ReplyWithStatus();

    /// <summary>An enhanced code standing alone; not a piece of an IP address ("10.4.5.6").</summary>
    [GeneratedRegex(@"(?<![\d.])[245]\.\d{1,3}\.\d{1,3}(?![\d.])")]
    private static partial Regex EnhancedStatus();

    [GeneratedRegex(@"(?<![\d.])([45])\d\d(?![\d.])")]
    private static partial Regex SmtpReply();

    [GeneratedRegex(@"<[^<>\s]+@[^<>\s]+>")]
    private static partial Regex MessageId();

    public static BounceResult Read(BounceParts parts)
    {
        var recipients = parts.DeliveryStatus is { } status ? DeliveryStatus.Recipients(status) : [];
        if (recipients.Count == 0 && parts.HumanText is { } text) recipients = BounceText.Recipients(text);
        return new BounceResult(recipients, OriginalMessageId(parts));
    }

    /// <summary>The enhanced status in a text, else one made from an SMTP reply code ("550" → "5.0.0"), else null.</summary>
    internal static string? StatusIn(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var withReply = ReplyWithStatus().Match(text);
        if (withReply.Success) return withReply.Groups[1].Value;
        var enhanced = EnhancedStatus().Match(text);
        if (enhanced.Success) return enhanced.Value;
        var reply = SmtpReply().Match(text);
        return reply.Success ? reply.Groups[1].Value + ".0.0" : null;
    }

    internal static BounceSeverity SeverityOf(string status) => status.StartsWith('4') ? BounceSeverity.Delayed : BounceSeverity.Permanent;

    private static string? OriginalMessageId(BounceParts parts)
    {
        var headers = parts.OriginalHeaders
            ?? (parts.OriginalHeadersText is { } headerText ? MailHeaders.Parse(headerText) : null)
            ?? (parts.HumanText is { } text ? BounceText.InlinedHeaders(text) : null);
        var value = headers?.Find("Message-ID");
        if (value is null) return null;
        var match = MessageId().Match(value);
        return match.Success ? match.Value : value.Trim() is { Length: > 0 } bare ? $"<{bare}>" : null;
    }
}
