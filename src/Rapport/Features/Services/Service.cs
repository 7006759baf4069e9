using Rapport.Features.People;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.Tickets;

namespace Rapport.Features.Services;

/// <summary>
/// One entry of the service offer (C4): what is offered, what it includes and where its limits
/// are, on which channels and in which hours, how fast the organisation promises to respond and
/// resolve, and which team delivers it. Tickets carry the service they are about.
/// </summary>
public sealed class Service
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>What the service is, for customers choosing it (Markdown).</summary>
    public string? Description { get; set; }
    /// <summary>What is included (Markdown).</summary>
    public string? Included { get; set; }
    /// <summary>What is not included, and the limits of the service (Markdown): agents see it while answering.</summary>
    public string? Limits { get; set; }
    public List<ServiceChannel> Channels { get; set; } = [];
    /// <summary>The hours the service is delivered in; none means around the clock.</summary>
    public long? CalendarId { get; set; }
    public ServiceCalendar? Calendar { get; set; }
    /// <summary>The promised first response, in minutes of the service's hours.</summary>
    public int? FirstResponseMinutes { get; set; }
    /// <summary>The promised resolution, in minutes of the service's hours.</summary>
    public int? ResolutionMinutes { get; set; }
    public long? TeamId { get; set; }
    public Team? Team { get; set; }
    /// <summary>Shown to customers in the portal and offered when they ask.</summary>
    public bool IsPublic { get; set; } = true;
    /// <summary>A retired service stays on old tickets but is no longer offered.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>Where the service stands in the catalogue.</summary>
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A channel the service is offered on.</summary>
public sealed class ServiceChannel
{
    public long ServiceId { get; set; }
    public Channel Channel { get; set; }
}
