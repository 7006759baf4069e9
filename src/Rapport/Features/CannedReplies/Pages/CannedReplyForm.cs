using System.Globalization;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.CannedReplies.Pages;

/// <summary>The canned-reply form as posted: every field text, turned into a request once the choices parse.</summary>
public sealed class CannedReplyForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Language { get; set; }
    public string? Scope { get; set; }
    public string? TeamId { get; set; }
    public string? SetStatus { get; set; }
    public string? SetPriority { get; set; }
    public string? SetTeamId { get; set; }
    /// <summary>Tags separated by commas.</summary>
    public string? AddTags { get; set; }

    public static CannedReplyForm From(CannedReplyDto reply) => new()
    {
        Title = reply.Title,
        Body = reply.Body,
        Language = reply.Language,
        Scope = EnumNames.ToSnakeCase(reply.Scope),
        TeamId = Text(reply.TeamId),
        SetStatus = reply.Macro.Status is { } status ? EnumNames.ToSnakeCase(status) : null,
        SetPriority = reply.Macro.Priority is { } priority ? EnumNames.ToSnakeCase(priority) : null,
        SetTeamId = Text(reply.Macro.TeamId),
        AddTags = string.Join(", ", reply.Macro.AddTags),
    };

    public CannedReplyRequest ToRequest(Validator check) => new(
        Title,
        Body,
        Language,
        QueryEnums.Parse<CannedReplyScope>("scope", Scope, check),
        long.TryParse(TeamId, out var team) ? team : null,
        QueryEnums.Parse<TicketStatus>("setStatus", SetStatus, check),
        QueryEnums.Parse<Priority>("setPriority", SetPriority, check),
        long.TryParse(SetTeamId, out var setTeam) ? setTeam : null,
        (AddTags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static string? Text(long? id) => id?.ToString(CultureInfo.InvariantCulture);
}
