using Rapport.Features.Tickets;

namespace Rapport.Features.CannedReplies;

/// <summary>Create or replace a canned reply. Scope defaults to personal; a team reply names its team.</summary>
/// <param name="SetStatus">Macro: the status the ticket takes when the reply is used.</param>
/// <param name="SetTeamId">Macro: the team the ticket moves to when the reply is used.</param>
/// <param name="AddTags">Macro: tags added to the ticket when the reply is used.</param>
public sealed record CannedReplyRequest(
    string? Title,
    string? Body,
    string? Language = null,
    CannedReplyScope? Scope = null,
    long? TeamId = null,
    TicketStatus? SetStatus = null,
    Priority? SetPriority = null,
    long? SetTeamId = null,
    string[]? AddTags = null);

/// <summary>The fields a canned reply sets on the ticket it is used on; all empty for a plain reply.</summary>
public sealed record CannedReplyMacro(TicketStatus? Status, Priority? Priority, long? TeamId, IReadOnlyList<string> AddTags)
{
    public bool IsEmpty => Status is null && Priority is null && TeamId is null && AddTags.Count == 0;

    internal static CannedReplyMacro Of(CannedReply reply) => new(reply.SetStatus, reply.SetPriority, reply.SetTeamId, reply.AddTagList);
}

public sealed record CannedReplyDto(
    long Id,
    string Title,
    string Body,
    string? Language,
    CannedReplyScope Scope,
    Guid? OwnerId,
    long? TeamId,
    CannedReplyMacro Macro,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static CannedReplyDto Of(CannedReply r) =>
        new(r.Id, r.Title, r.Body, r.Language, r.Scope, r.OwnerId, r.TeamId, CannedReplyMacro.Of(r), r.CreatedAt, r.UpdatedAt);
}

/// <summary>A canned reply filled in for one ticket and agent, and the fields using it would set.</summary>
public sealed record RenderedCannedReply(long Id, string Title, string Body, CannedReplyMacro Changes);
