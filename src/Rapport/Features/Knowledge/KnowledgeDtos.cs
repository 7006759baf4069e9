namespace Rapport.Features.Knowledge;

public sealed record CategoryRequest(string? Name, string? Description = null, int? Position = null);

public sealed record SectionRequest(long? CategoryId, string? Name, string? Description = null, int? Position = null);

public sealed record CategoryDto(long Id, string Name, string? Description, int Position)
{
    internal static CategoryDto Of(KbCategory c) => new(c.Id, c.Name, c.Description, c.Position);
}

public sealed record SectionDto(long Id, long CategoryId, string Name, string? Description, int Position)
{
    internal static SectionDto Of(KbSection s) => new(s.Id, s.CategoryId, s.Name, s.Description, s.Position);
}

/// <summary>Create or replace an article. <paramref name="TranslationOf"/> makes it a translation of that article.</summary>
/// <param name="ReviewBy">The day by which the article should be checked (yyyy-MM-dd).</param>
/// <param name="OwnerId">A member of staff; the author when left out.</param>
public sealed record ArticleRequest(
    long? SectionId,
    string? Title,
    string? Body,
    string? Language,
    ArticleVisibility? Visibility = null,
    ArticleStatus? Status = null,
    Guid? OwnerId = null,
    DateOnly? ReviewBy = null,
    long? TranslationOf = null);

/// <summary>How an article is used; staff only. <paramref name="UsedInReplies"/>: inserted into a reply from a ticket.</summary>
public sealed record ArticleStats(long Views, long Helpful, long NotHelpful, long Suggested, long Opened, long Deflected, long UsedInReplies)
{
    public static readonly ArticleStats None = new(0, 0, 0, 0, 0, 0, 0);
}

/// <param name="Html">The body rendered by <see cref="ArticleMarkdown"/>: safe to show as it is.</param>
/// <param name="Stats">Staff only; null for customers and visitors.</param>
public sealed record ArticleDto(
    long Id,
    long SectionId,
    Guid TranslationGroup,
    string Language,
    string Title,
    string Body,
    string Html,
    ArticleVisibility Visibility,
    ArticleStatus Status,
    Guid? OwnerId,
    DateOnly? ReviewBy,
    bool ReviewOverdue,
    int CurrentVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ArticleStats? Stats);

/// <summary>A row of the staff list: no body.</summary>
public sealed record ArticleSummary(
    long Id,
    long SectionId,
    string Language,
    string Title,
    ArticleVisibility Visibility,
    ArticleStatus Status,
    Guid OwnerId,
    DateOnly? ReviewBy,
    bool ReviewOverdue,
    DateTimeOffset UpdatedAt,
    ArticleStats Stats);

public sealed record VersionSummary(int Number, string Title, Guid? AuthorId, string AuthorName, DateTimeOffset CreatedAt);

public sealed record VersionDto(int Number, string Title, string Body, string Html, Guid? AuthorId, string AuthorName, DateTimeOffset CreatedAt);
