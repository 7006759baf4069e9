using Rapport.Features.People;
using Rapport.Features.ServiceLevels;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Services;

/// <summary>A service as staff see it. Description, included and limits are Markdown.</summary>
public sealed record ServiceDto(
    long Id,
    string Name,
    string? Description,
    string? Included,
    string? Limits,
    List<Channel> Channels,
    CalendarRef? Calendar,
    int? FirstResponseMinutes,
    int? ResolutionMinutes,
    TeamRef? Team,
    bool IsPublic,
    bool IsActive,
    int Position,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The service must be loaded with its channels, calendar and team.</summary>
    internal static ServiceDto From(Service s) => new(s.Id, s.Name, s.Description, s.Included, s.Limits,
        [.. s.Channels.Select(c => c.Channel).Order()],
        s.Calendar is { } calendar ? new CalendarRef(calendar.Id, calendar.Name) : null,
        s.FirstResponseMinutes, s.ResolutionMinutes,
        s.Team is { } team ? new TeamRef(team.Id, team.Name) : null,
        s.IsPublic, s.IsActive, s.Position, s.CreatedAt, s.UpdatedAt);

    /// <summary>"first response within 4 working hours; resolution within 40 working hours", or empty when nothing is promised.</summary>
    public string PromisesInWords()
    {
        var working = Calendar is not null;
        var parts = new List<string>();
        if (FirstResponseMinutes is { } first) parts.Add($"first response {PromisedTimeText.Within(first, working)}");
        if (ResolutionMinutes is { } resolution) parts.Add($"resolution {PromisedTimeText.Within(resolution, working)}");
        return string.Join("; ", parts);
    }
}

/// <summary>
/// A service as the published offer shows it to anyone: what it is, includes and leaves out (Markdown), its
/// channels, its hours and promises in words ("Mon–Fri 09:00–17:00; closed on holidays", "within 4 working
/// hours"), and the time zone the hours are in (none when around the clock). A promise not made is null.
/// </summary>
public sealed record OfferedServiceDto(
    long Id,
    string Name,
    string? Description,
    string? Included,
    string? Limits,
    List<Channel> Channels,
    string Hours,
    string? TimeZone,
    string? FirstResponse,
    string? Resolution);

/// <summary>A service named from elsewhere, such as a ticket.</summary>
public sealed record ServiceRef(long Id, string Name);

public sealed record ServiceNotFound(long Id) : Error(404, "Not found", $"Service {Id} does not exist.");
