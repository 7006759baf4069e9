using System.Globalization;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Knowledge.Pages;

/// <summary>The article editor's fields as posted; read into an <see cref="ArticleRequest"/>, naming wrong fields.</summary>
public sealed class ArticleForm
{
    public string? SectionId { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Language { get; set; }
    public string? Visibility { get; set; }
    public string? Status { get; set; }
    public string? ReviewBy { get; set; }
    public string? OwnerId { get; set; }
    public string? TranslationOf { get; set; }
    /// <summary>Set by the Preview button: show the body rendered, save nothing.</summary>
    public string? Preview { get; set; }

    public static ArticleForm From(ArticleDto article) => new()
    {
        SectionId = article.SectionId.ToString(CultureInfo.InvariantCulture), Title = article.Title, Body = article.Body, Language = article.Language,
        Visibility = EnumNames.ToSnakeCase(article.Visibility), Status = EnumNames.ToSnakeCase(article.Status),
        ReviewBy = article.ReviewBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), OwnerId = article.OwnerId?.ToString(),
    };

    public ArticleRequest ToRequest(Validator check)
    {
        DateOnly? reviewBy = null;
        if (!string.IsNullOrWhiteSpace(ReviewBy))
        {
            if (DateOnly.TryParseExact(ReviewBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) reviewBy = day;
            else check.Add("reviewBy", "Must be a day, such as 2027-01-31.");
        }
        return new ArticleRequest(long.TryParse(SectionId, out var section) ? section : null, Title, Body, Language,
            QueryEnums.Parse<ArticleVisibility>("visibility", Visibility, check), QueryEnums.Parse<ArticleStatus>("status", Status, check),
            Guid.TryParse(OwnerId, out var owner) ? owner : null, reviewBy, long.TryParse(TranslationOf, out var original) ? original : null);
    }
}
