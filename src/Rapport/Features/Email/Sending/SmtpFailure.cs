namespace Rapport.Features.Email.Sending;

/// <summary>
/// A failed SMTP session, classified: 4xx replies and trouble on the way (network, timeouts, TLS, sign-in) are
/// transient, 5xx replies about the message or its recipients permanent. The message is short and holds only
/// what the server said and which step failed, never credentials.
/// </summary>
public sealed class SmtpFailure(FailureKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public FailureKind Kind { get; } = kind;

    public static SmtpFailure From(SmtpReply reply, string step) =>
        new(reply.Code is >= 500 and < 600 ? FailureKind.Permanent : FailureKind.Transient, $"{step}: {reply}");
}

/// <summary>One SMTP reply: its code and its lines' text (a multi-line reply has several).</summary>
public sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public bool IsPositive => Code is >= 200 and < 400;

    /// <summary>"550 5.1.1 No such user here", several lines joined by spaces.</summary>
    public override string ToString() => $"{Code} {string.Join(" ", Lines)}".Trim();
}
