namespace Rapport.Features.Knowledge;

/// <summary>A shelf of the knowledge base ("Billing", "Your account"), in the order the help centre shows them.</summary>
public sealed class KbCategory
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A group of articles inside a category ("Invoices", "Refunds"), ordered within it.</summary>
public sealed class KbSection
{
    public long Id { get; set; }
    public long CategoryId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Internal: staff only. Public: the help centre shows it once it is published.</summary>
public enum ArticleVisibility { Internal, Public }

public enum ArticleStatus { Draft, Published }

/// <summary>
/// One article in one language. Its translations share <see cref="TranslationGroup"/>, one per language. Every save of
/// the title or body adds a <see cref="KbArticleVersion"/>; <see cref="CurrentVersion"/> is the latest one's number.
/// </summary>
public sealed class KbArticle
{
    public long Id { get; set; }
    public long SectionId { get; set; }
    public Guid TranslationGroup { get; set; }
    /// <summary>A BCP-47 tag, normalised as customers' languages are ("en", "de-CH").</summary>
    public required string Language { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown; rendered by <see cref="ArticleMarkdown"/>.</summary>
    public required string Body { get; set; }
    public ArticleVisibility Visibility { get; set; }
    public ArticleStatus Status { get; set; }
    /// <summary>The member of staff who keeps the article true; told when its review date passes.</summary>
    public Guid OwnerId { get; set; }
    /// <summary>The day by which someone should check the article is still right (UTC); none means no review.</summary>
    public DateOnly? ReviewBy { get; set; }
    /// <summary>The review date the owner was last told about, so each overdue period is announced once.</summary>
    public DateOnly? ReviewNoticeFor { get; set; }
    public int CurrentVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsReviewOverdue(DateOnly today) => ReviewBy is { } due && due < today;
}

/// <summary>The title and body as saved once; restoring an old version adds a new one with its text.</summary>
public sealed class KbArticleVersion
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public Guid? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>"Was this helpful?": one answer per voter (a user, or an anonymous visitor's cookie); voting again changes it.</summary>
public sealed class KbVote
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    /// <summary>"user:{id}" or "visitor:{random id from a cookie}".</summary>
    public required string VoterKey { get; set; }
    public bool Helpful { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A reader took a step of the deflection funnel with an article: the row that makes each step count once per reader
/// and article. Deleted with the article.
/// </summary>
public sealed class KbReaderStep
{
    public long ArticleId { get; set; }
    /// <summary>"user:{id}" or "visitor:{random id from a cookie}", as for votes.</summary>
    public required string ReaderKey { get; set; }
    public DeflectionEvent Step { get; set; }
}

/// <summary>
/// How an article is used, counted: help-centre views, and the deflection funnel of the new-request form (suggested,
/// opened from a suggestion, "this answered my question"), and how often agents put it into a reply (its link or its
/// text). Counters, not rows per event: incremented in one UPDATE.
/// </summary>
public sealed class KbArticleCounters
{
    public long ArticleId { get; set; }
    public long Views { get; set; }
    public long Suggested { get; set; }
    public long Opened { get; set; }
    public long Deflected { get; set; }
    public long UsedInReplies { get; set; }
}
