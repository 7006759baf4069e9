using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Services;

/// <summary>
/// A new entry of the offer. Description, included and limits are Markdown. No calendar means around the clock;
/// the promised times count in the calendar's hours. Without a position it goes last.
/// </summary>
public sealed record CreateServiceRequest(
    string? Name,
    string? Description,
    string? Included,
    string? Limits,
    Channel[]? Channels,
    long? CalendarId,
    int? FirstResponseMinutes,
    int? ResolutionMinutes,
    long? TeamId,
    bool? IsPublic,
    int? Position);

/// <summary>A partial update: only the fields present change; channels, when sent, replace the list. isActive false retires the service.</summary>
public sealed record UpdateServiceRequest(
    Optional<string> Name,
    Optional<string> Description,
    Optional<string> Included,
    Optional<string> Limits,
    Optional<Channel[]> Channels,
    Optional<long?> CalendarId,
    Optional<int?> FirstResponseMinutes,
    Optional<int?> ResolutionMinutes,
    Optional<long?> TeamId,
    Optional<bool?> IsPublic,
    Optional<bool?> IsActive,
    Optional<int?> Position);

/// <summary>A service as it would be after a create or an update; both check it whole, the same way.</summary>
internal sealed record ServiceValues(
    string? Name, string? Description, string? Included, string? Limits, IReadOnlyList<Channel> Channels,
    long? CalendarId, int? FirstResponseMinutes, int? ResolutionMinutes, long? TeamId, int Position)
{
    public static ServiceValues Of(Service service) => new(service.Name, service.Description, service.Included, service.Limits,
        [.. service.Channels.Select(c => c.Channel)], service.CalendarId, service.FirstResponseMinutes, service.ResolutionMinutes,
        service.TeamId, service.Position);

    public static ServiceValues Of(UpdateServiceRequest request, ServiceValues stored) => new(
        request.Name.IsSet ? request.Name.Value : stored.Name,
        request.Description.IsSet ? request.Description.Value : stored.Description,
        request.Included.IsSet ? request.Included.Value : stored.Included,
        request.Limits.IsSet ? request.Limits.Value : stored.Limits,
        request.Channels.IsSet ? request.Channels.Value ?? [] : stored.Channels,
        request.CalendarId.IsSet ? request.CalendarId.Value : stored.CalendarId,
        request.FirstResponseMinutes.IsSet ? request.FirstResponseMinutes.Value : stored.FirstResponseMinutes,
        request.ResolutionMinutes.IsSet ? request.ResolutionMinutes.Value : stored.ResolutionMinutes,
        request.TeamId.IsSet ? request.TeamId.Value : stored.TeamId,
        request.Position.IsSet ? request.Position.Value ?? -1 : stored.Position);

    /// <summary>Writes the values onto the entity; channels are replaced only where they differ.</summary>
    public void ApplyTo(Service service)
    {
        service.Name = Name!.Trim();
        (service.Description, service.Included, service.Limits) = (Optional(Description), Optional(Included), Optional(Limits));
        (service.CalendarId, service.TeamId, service.Position) = (CalendarId, TeamId, Position);
        (service.FirstResponseMinutes, service.ResolutionMinutes) = (FirstResponseMinutes, ResolutionMinutes);
        var wanted = Channels.Distinct().ToList();
        service.Channels.RemoveAll(c => !wanted.Contains(c.Channel));
        service.Channels.AddRange(wanted.Where(w => service.Channels.All(c => c.Channel != w)).Select(w => new ServiceChannel { Channel = w }));
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal static class ServiceInput
{
    public const int MaxServices = 200;
    public const int MaxPosition = 100_000;
    /// <summary>A year: promises longer than that are typing mistakes.</summary>
    public const int MaxMinutes = 365 * 24 * 60;

    public static readonly ValidationError NameTaken = ValidationError.For("name", "A service with this name already exists.");

    public static async Task<Validator> CheckAsync(RapportDbContext db, ServiceValues values, long? exceptId, Validator check, CancellationToken ct)
    {
        check.Required("name", values.Name, ServiceLimits.NameLength)
            .Text("description", values.Description, ServiceLimits.TextLength, multiline: true)
            .Text("included", values.Included, ServiceLimits.TextLength, multiline: true)
            .Text("limits", values.Limits, ServiceLimits.TextLength, multiline: true);
        if (values.Channels.Count == 0) check.Add("channels", "Offer the service on at least one channel.");
        Minutes("firstResponseMinutes", values.FirstResponseMinutes, check);
        Minutes("resolutionMinutes", values.ResolutionMinutes, check);
        if (values is { FirstResponseMinutes: { } first, ResolutionMinutes: { } resolution } && resolution < first)
            check.Add("resolutionMinutes", "Must not be shorter than the first response.");
        if (values.Position is < 0 or > MaxPosition) check.Add("position", $"Must be a number from 0 to {MaxPosition}.");
        await CalendarInput.CheckExistsAsync(db, values.CalendarId, check, ct);
        if (values.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct)) check.Add("teamId", $"No team has id {teamId}.");
        if (check.IsValid)
        {
            var upper = values.Name!.Trim().ToUpperInvariant();
            if (await db.Services.AnyAsync(s => s.Name.ToUpper() == upper && s.Id != exceptId, ct)) check.Add("name", NameTaken.Errors["name"][0]);
        }
        return check;
    }

    public static List<string> ChannelNames(IEnumerable<Channel> channels) => [.. channels.Distinct().Select(c => EnumNames.ToSnakeCase(c))];

    private static void Minutes(string field, int? minutes, Validator check)
    {
        if (minutes is < 1 or > MaxMinutes) check.Add(field, $"Must be from 1 to {MaxMinutes} minutes (a year), or left out for no promise.");
    }
}
