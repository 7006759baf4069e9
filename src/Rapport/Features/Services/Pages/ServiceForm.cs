using System.Globalization;
using Rapport.Features.ServiceLevels.Pages;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Services.Pages;

/// <summary>What the service form posts; numbers and ids stay text until the form turns them into a request, so a wrong one is named.</summary>
public sealed class ServiceForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Included { get; set; }
    public string? Limits { get; set; }
    /// <summary>Checked channels by snake_case name; an unchecked box posts nothing.</summary>
    public Dictionary<string, bool> Channels { get; set; } = [];
    public string? CalendarId { get; set; }
    public string? TeamId { get; set; }
    public string? FirstResponseMinutes { get; set; }
    public string? ResolutionMinutes { get; set; }
    public string? Position { get; set; }
    // False by default: an unchecked box posts nothing, so only a fresh form starts them ticked.
    public bool IsPublic { get; set; }
    public bool IsActive { get; set; }
    /// <summary>save (or none, for Enter) or preview.</summary>
    public string? Command { get; set; }

    public bool IsPreview => Command == "preview";

    public static ServiceForm New() => new() { IsPublic = true, IsActive = true };

    public static ServiceForm From(ServiceDto service) => new()
    {
        Name = service.Name,
        Description = service.Description,
        Included = service.Included,
        Limits = service.Limits,
        Channels = service.Channels.ToDictionary(c => EnumNames.ToSnakeCase(c), _ => true),
        CalendarId = Text(service.Calendar?.Id),
        TeamId = Text(service.Team?.Id),
        FirstResponseMinutes = Text(service.FirstResponseMinutes),
        ResolutionMinutes = Text(service.ResolutionMinutes),
        Position = Text(service.Position),
        IsPublic = service.IsPublic,
        IsActive = service.IsActive,
    };

    // The form binder leaves the dictionary null when no box was ticked.
    public bool Offers(Channel channel) => Channels?.GetValueOrDefault(EnumNames.ToSnakeCase(channel)) ?? false;

    public CreateServiceRequest ToCreate(Validator check) => new(Name, Description, Included, Limits, ChosenChannels(),
        FormNumbers.Id("calendarId", CalendarId, check), FormNumbers.Whole("firstResponseMinutes", FirstResponseMinutes, check),
        FormNumbers.Whole("resolutionMinutes", ResolutionMinutes, check), FormNumbers.Id("teamId", TeamId, check), IsPublic, FormNumbers.Whole("position", Position, check));

    /// <summary>Every field is sent: the use case audits only what changed.</summary>
    public UpdateServiceRequest ToUpdate(Validator check) => new(
        Optional<string>.Of(Name), Optional<string>.Of(Description), Optional<string>.Of(Included), Optional<string>.Of(Limits),
        Optional<Channel[]>.Of(ChosenChannels()),
        Optional<long?>.Of(FormNumbers.Id("calendarId", CalendarId, check)),
        Optional<int?>.Of(FormNumbers.Whole("firstResponseMinutes", FirstResponseMinutes, check)),
        Optional<int?>.Of(FormNumbers.Whole("resolutionMinutes", ResolutionMinutes, check)),
        Optional<long?>.Of(FormNumbers.Id("teamId", TeamId, check)),
        Optional<bool?>.Of(IsPublic), Optional<bool?>.Of(IsActive),
        Optional<int?>.Of(FormNumbers.Whole("position", Position, check) ?? 0));

    private Channel[] ChosenChannels() => [.. Enum.GetValues<Channel>().Where(Offers)];

    private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
