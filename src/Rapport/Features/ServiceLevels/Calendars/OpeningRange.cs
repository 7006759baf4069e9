namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>
/// Open from <see cref="StartMinute"/> up to (not including) <see cref="EndMinute"/>, in minutes of the local
/// day. Minutes rather than <see cref="TimeOnly"/> because an office open until midnight needs 24:00 (1440).
/// </summary>
public readonly record struct OpeningRange(int StartMinute, int EndMinute)
{
    public const int MinutesPerDay = 24 * 60;

    internal bool IsWellFormed => StartMinute is >= 0 and <= MinutesPerDay
        && EndMinute is >= 0 and <= MinutesPerDay && StartMinute < EndMinute;

    public override string ToString() => $"{Clock(StartMinute)}–{Clock(EndMinute)}";

    private static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";
}
