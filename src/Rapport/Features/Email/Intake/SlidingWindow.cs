namespace Rapport.Features.Email.Intake;

/// <summary>At most <see cref="Max"/> events in any <see cref="Length"/> ending now.</summary>
public sealed record SlidingWindow(int Max, TimeSpan Length)
{
    /// <summary>
    /// Whether one more event may happen at <paramref name="now"/> given the earlier ones, how many of
    /// them count, and when the next would be allowed if not. An event counts while it is later than
    /// now − length, times after now (a clock that went back) included, until they too are one length old.
    /// </summary>
    public WindowDecision Decide(IEnumerable<DateTimeOffset> earlier, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Length, TimeSpan.Zero);
        var start = now - Length;
        var counted = earlier.Where(t => t > start).Order().ToList();
        if (counted.Count < Max) return new WindowDecision(true, counted.Count, null);
        // The oldest events must leave the window until only Max − 1 remain.
        var freeAt = Max == 0 ? (DateTimeOffset?)null : counted[counted.Count - Max] + Length;
        return new WindowDecision(false, counted.Count, freeAt);
    }
}

/// <param name="Allowed">Whether one more event fits.</param>
/// <param name="InWindow">How many earlier events count.</param>
/// <param name="AllowedFrom">When one more would fit, if nothing else happens; null when allowed, or never (a limit of zero).</param>
public sealed record WindowDecision(bool Allowed, int InWindow, DateTimeOffset? AllowedFrom);

/// <summary>
/// Holds mail from a sender who writes faster than people do: by default more than 20 messages from
/// one address in 10 minutes. Pass the times of everything received from that address, held mail
/// included, so a looping robot stays held until it stops.
/// </summary>
public static class IntakeRateLimit
{
    public static readonly SlidingWindow Default = new(20, TimeSpan.FromMinutes(10));

    public static WindowDecision Decide(IEnumerable<DateTimeOffset> recentFromSender, DateTimeOffset now, SlidingWindow? limit = null) =>
        (limit ?? Default).Decide(recentFromSender, now);
}

/// <summary>
/// At most N automatic mails (acknowledgements, notifications) to one address per hour, by default 3,
/// so two systems answering each other stop after a few rounds whatever the headers say.
/// </summary>
public static class AutomaticMailBudget
{
    public static SlidingWindow PerHour(int max) => new(max, TimeSpan.FromHours(1));

    public static readonly SlidingWindow Default = PerHour(3);

    public static bool MaySend(IEnumerable<DateTimeOffset> lastAutomaticToAddress, DateTimeOffset now, SlidingWindow? budget = null) =>
        (budget ?? Default).Decide(lastAutomaticToAddress, now).Allowed;
}
