using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Customers;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.CannedReplies;

/// <summary>The request checked and normalised: what a canned reply stores.</summary>
internal sealed record CannedReplyFields(string Title, string Body, string? Language, CannedReplyScope Scope, long? TeamId,
    TicketStatus? SetStatus, Priority? SetPriority, long? SetTeamId, string? AddTags);

internal static class CannedReplyInput
{
    /// <summary>Checks every field, naming each wrong one; an unknown placeholder is an error on "body".</summary>
    public static async Task<(CannedReplyFields? Fields, Validator Check)> CheckAsync(RapportDbContext db, CannedReplyRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Required("title", request.Title, CannedReplyLimits.TitleLength)
            .Required("body", request.Body, CannedReplyLimits.BodyLength, multiline: true);
        if (!string.IsNullOrWhiteSpace(request.Body) && CannedReplyPlaceholders.Parse(request.Body, out var problems) is null)
            foreach (var problem in problems) check.Add("body", problem);
        string? language = null;
        if (!string.IsNullOrWhiteSpace(request.Language) && (language = LanguageTag.Normalise(request.Language)) is null)
            check.Add("language", "Must be a language tag, such as en or de, or empty for any language.");
        var scope = request.Scope ?? CannedReplyScope.Personal;
        if (scope == CannedReplyScope.Team && request.TeamId is null) check.Add("teamId", "A team reply needs its team.");
        if (scope != CannedReplyScope.Team && request.TeamId is not null) check.Add("teamId", "Only a team reply has a team.");
        if (request.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct)) check.Add("teamId", "No such team.");
        if (request.SetTeamId is { } setTeam && !await db.Teams.AnyAsync(t => t.Id == setTeam, ct)) check.Add("setTeamId", "No such team.");
        if (request.SetStatus == TicketStatus.New) check.Add("setStatus", "A ticket cannot be set back to new.");
        var tags = TicketTags.Validate("addTags", request.AddTags, check) ?? [];
        if (tags.Count > CannedReplyLimits.MaxTags) check.Add("addTags", $"At most {CannedReplyLimits.MaxTags} tags.");
        if (!check.IsValid) return (null, check);
        return (new CannedReplyFields(request.Title!.Trim(), request.Body!, language, scope, request.TeamId,
            request.SetStatus, request.SetPriority, request.SetTeamId, tags.Count == 0 ? null : string.Join(' ', tags)), check);
    }

    public static void CopyTo(this CannedReplyFields fields, CannedReply reply)
    {
        (reply.Title, reply.Body, reply.Language, reply.Scope, reply.TeamId) = (fields.Title, fields.Body, fields.Language, fields.Scope, fields.TeamId);
        (reply.SetStatus, reply.SetPriority, reply.SetTeamId, reply.AddTags) = (fields.SetStatus, fields.SetPriority, fields.SetTeamId, fields.AddTags);
    }
}
