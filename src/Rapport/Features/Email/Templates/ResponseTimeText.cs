using Rapport.Features.ServiceLevels;

namespace Rapport.Features.Email.Templates;

/// <summary>
/// A promised response time in the recipient's language, for {{service.response_time}}: "4 working hours" as the
/// published offer says it (<see cref="PromisedTimeText"/>), or in German "4 Arbeitsstunden". The German text is in
/// the dative so it reads after "innerhalb von" ("innerhalb von 2 Tagen"). Other languages get the English text until
/// they are added here. Working time is told in hours and minutes only: how long a working day is depends on the calendar.
/// </summary>
public static class ResponseTimeText
{
    public static string For(int minutes, bool workingTime, string language)
    {
        if (!MailLanguages.IsGerman(language)) return PromisedTimeText.Amount(minutes, workingTime);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minutes);
        if (!workingTime) return GermanDuration(minutes);
        if (minutes % 60 == 0) return Count(minutes / 60, "Arbeitsstunde", "Arbeitsstunden");
        return minutes < 60 ? Count(minutes, "Arbeitsminute", "Arbeitsminuten") : $"{GermanDuration(minutes)} Arbeitszeit";
    }

    private static string GermanDuration(int minutes)
    {
        var (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
        var parts = new List<string>(3);
        if (days > 0) parts.Add(Count(days, "Tag", "Tagen"));
        if (hours > 0) parts.Add(Count(hours, "Stunde", "Stunden"));
        if (rest > 0) parts.Add(Count(rest, "Minute", "Minuten"));
        return parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} und {parts[^1]}";
    }

    private static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
