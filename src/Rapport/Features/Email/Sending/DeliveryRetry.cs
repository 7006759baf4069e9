namespace Rapport.Features.Email.Sending;

/// <summary>What went wrong with one delivery attempt.</summary>
public enum FailureKind
{
    /// <summary>Worth trying again: a 4xx reply, the network, a timeout, TLS or sign-in trouble.</summary>
    Transient,
    /// <summary>A 5xx reply about the message or its recipients: trying again would fail the same way.</summary>
    Permanent,
}

/// <summary>What to do after a failed attempt: try again at a time, or give up.</summary>
public abstract record RetryDecision
{
    public sealed record RetryAt(DateTimeOffset At) : RetryDecision;
    public sealed record GiveUp(string Why) : RetryDecision;
}

/// <summary>
/// The back-off rule, pure: after the n-th failed attempt wait 2^(n−1) minutes (1, 2, 4, 8 …), at most an hour;
/// a permanent failure, or the last allowed attempt, gives up.
/// </summary>
public static class DeliveryRetry
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    /// <param name="attempts">Attempts made so far, the failed one included (1 after the first).</param>
    public static TimeSpan Delay(int attempts)
    {
        if (attempts < 1) return TimeSpan.Zero;
        // 2^6 minutes is past the cap already; larger exponents would only overflow.
        var minutes = attempts > 7 ? MaxDelay.TotalMinutes : Math.Pow(2, attempts - 1);
        return TimeSpan.FromMinutes(Math.Min(minutes, MaxDelay.TotalMinutes));
    }

    public static RetryDecision After(FailureKind kind, int attempts, int maxAttempts, DateTimeOffset now) =>
        kind == FailureKind.Permanent ? new RetryDecision.GiveUp("refused by the server")
        : attempts >= maxAttempts ? new RetryDecision.GiveUp($"gave up after {attempts} attempts")
        : new RetryDecision.RetryAt(now + Delay(attempts));
}
