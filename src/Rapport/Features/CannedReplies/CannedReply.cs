using Rapport.Features.Tickets;

namespace Rapport.Features.CannedReplies;

/// <summary>Who a canned reply is for: its owner alone, the members of one team, or every member of staff.</summary>
public enum CannedReplyScope { Personal, Team, Shared }

/// <summary>
/// A reply an agent inserts instead of typing it again: Markdown with placeholders filled for the ticket. As a macro it
/// also sets fields of the ticket when used (status, priority, team, tags to add).
/// </summary>
public sealed class CannedReply
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    /// <summary>The reply's language tag ("en", "de"); none means it suits any language.</summary>
    public string? Language { get; set; }
    public CannedReplyScope Scope { get; set; }
    /// <summary>The owner of a personal reply; none for team and shared replies (the audit trail says who wrote them).</summary>
    public Guid? OwnerId { get; set; }
    /// <summary>The team of a team reply.</summary>
    public long? TeamId { get; set; }
    public TicketStatus? SetStatus { get; set; }
    public Priority? SetPriority { get; set; }
    public long? SetTeamId { get; set; }
    /// <summary>Tags to add, separated by spaces (a tag never holds one).</summary>
    public string? AddTags { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string[] AddTagList => AddTags?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
