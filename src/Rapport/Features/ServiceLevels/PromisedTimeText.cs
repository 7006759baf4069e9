namespace Rapport.Features.ServiceLevels;

/// <summary>
/// A promised time in words, as a customer reads it: "within 4 working hours", "within 30 minutes", "within 2
/// days". Working time is counted in a calendar's opening hours, so it is told in hours and minutes only: how
/// long a working day is depends on the calendar.
/// </summary>
public static class PromisedTimeText
{
    public static string Within(int minutes, bool workingTime) => $"within {Amount(minutes, workingTime)}";

    /// <summary>The time without "within": "4 working hours", "2 days".</summary>
    public static string Amount(int minutes, bool workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minutes);
        if (!workingTime) return Duration(minutes);
        if (minutes % 60 == 0) return Count(minutes / 60, "working hour");
        return minutes < 60 ? Count(minutes, "working minute") : $"{Duration(minutes)} of working time";
    }

    /// <summary>"2 days", "1 hour 30 minutes", "45 minutes": the largest whole units, none of them zero.</summary>
    public static string Duration(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minutes);
        var (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
        var parts = new List<string>();
        if (days > 0) parts.Add(Count(days, "day"));
        if (hours > 0) parts.Add(Count(hours, "hour"));
        if (rest > 0) parts.Add(Count(rest, "minute"));
        return string.Join(' ', parts);
    }

    private static string Count(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
