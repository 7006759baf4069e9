using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Customers;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Knowledge;

/// <summary>The request checked and normalised: what an article stores.</summary>
internal sealed record ArticleFields(long SectionId, string Title, string Body, string Language, ArticleVisibility Visibility,
    ArticleStatus Status, Guid OwnerId, DateOnly? ReviewBy, Guid? TranslationGroup);

internal static class ArticleInput
{
    /// <summary>Checks every field, naming each wrong one. <paramref name="self"/> is the article being replaced, if any.</summary>
    public static async Task<(ArticleFields? Fields, Validator Check)> CheckAsync(
        RapportDbContext db, ArticleRequest request, Actor actor, KbArticle? self, CancellationToken ct)
    {
        var check = new Validator()
            .Required("title", request.Title, KbLimits.TitleLength)
            .Required("body", request.Body, KbLimits.BodyLength, multiline: true);
        if (request.SectionId is not { } sectionId) check.Add("sectionId", "This field is required.");
        else if (!await db.KbSections.AnyAsync(s => s.Id == sectionId, ct)) check.Add("sectionId", "No such section.");
        string? language = null;
        if (string.IsNullOrWhiteSpace(request.Language)) check.Add("language", "This field is required: a language tag, such as en or de.");
        else if ((language = LanguageTag.Normalise(request.Language)) is null) check.Add("language", "Must be a language tag, such as en or de.");
        var owner = request.OwnerId ?? self?.OwnerId ?? actor.UserId;
        if (owner is not { } ownerId || !await db.Users.AnyAsync(u => u.Id == ownerId && u.Role != People.Role.Customer && u.IsActive, ct))
            check.Add("ownerId", "The owner must be an active member of staff.");

        var group = self?.TranslationGroup;
        if (request.TranslationOf is { } original && self is null)
        {
            group = await db.KbArticles.Where(a => a.Id == original).Select(a => (Guid?)a.TranslationGroup).FirstOrDefaultAsync(ct);
            if (group is null) check.Add("translationOf", "No such article.");
        }
        if (group is { } g && language is not null
            && await db.KbArticles.AnyAsync(a => a.TranslationGroup == g && a.Language == language && (self == null || a.Id != self.Id), ct))
            check.Add("language", $"This article already has a translation in {language}.");
        if (!check.IsValid) return (null, check);
        return (new ArticleFields(request.SectionId!.Value, request.Title!.Trim(), request.Body!, language!,
            request.Visibility ?? self?.Visibility ?? ArticleVisibility.Internal, request.Status ?? self?.Status ?? ArticleStatus.Draft,
            owner!.Value, request.ReviewBy, group), check);
    }

    public static void CopyTo(this ArticleFields fields, KbArticle article)
    {
        (article.SectionId, article.Title, article.Body, article.Language) = (fields.SectionId, fields.Title, fields.Body, fields.Language);
        (article.Visibility, article.Status, article.OwnerId, article.ReviewBy) = (fields.Visibility, fields.Status, fields.OwnerId, fields.ReviewBy);
    }
}
