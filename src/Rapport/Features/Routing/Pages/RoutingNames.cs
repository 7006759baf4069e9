using System.Globalization;

namespace Rapport.Features.Routing.Pages;

/// <summary>Routing's words as people say them, and times as the pages show and read them (UTC: users have no time zone yet).</summary>
public static class RoutingNames
{
    public static string Label(Availability availability) => availability switch
    {
        Availability.Available => "Available",
        Availability.Away => "Away",
        Availability.Offline => "Offline",
        _ => availability.ToString(),
    };

    public static string Label(AssignmentMethod method) => method switch
    {
        AssignmentMethod.Manual => "By hand",
        AssignmentMethod.RoundRobin => "Round robin",
        AssignmentMethod.LeastLoaded => "Least loaded",
        AssignmentMethod.SkillsBased => "Skills based",
        _ => method.ToString(),
    };

    public static string Explain(AssignmentMethod method) => method switch
    {
        AssignmentMethod.Manual => "Tickets wait in the team's queue until someone takes or assigns them.",
        AssignmentMethod.RoundRobin => "Available members take turns: the one assigned longest ago gets the next ticket.",
        AssignmentMethod.LeastLoaded => "The available member with the least open work gets it (low 1, normal 2, high 3, urgent 5).",
        AssignmentMethod.SkillsBased => "Members whose skills match the requester's language, the service or the tags; the least loaded of them. Nobody matching: the least loaded of the team.",
        _ => "",
    };

    public static string Label(AbsenceKind kind) => kind switch
    {
        AbsenceKind.Sickness => "Sickness",
        AbsenceKind.Holiday => "Holiday",
        AbsenceKind.Training => "Training",
        AbsenceKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string Label(SkillKind kind) => kind switch
    {
        SkillKind.Language => "Language",
        SkillKind.Service => "Service",
        SkillKind.Tag => "Tag",
        _ => kind.ToString(),
    };

    public static string Value(Enum value) => Infrastructure.Json.EnumNames.ToSnakeCase(value);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The value of a datetime-local input (minutes, UTC).</summary>
    public static string Input(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A datetime-local input's value, read as UTC; null when empty or malformed.</summary>
    public static DateTimeOffset? ParseInput(string? text) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? new DateTimeOffset(parsed, TimeSpan.Zero) : null;
}
