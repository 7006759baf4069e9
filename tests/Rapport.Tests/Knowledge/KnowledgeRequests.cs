using System.Net;
using System.Net.Http.Json;
using Rapport.Features.Knowledge;
using Rapport.Features.Knowledge.Search;
using Rapport.Features.People;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Knowledge;

/// <summary>Setting up shelves and articles through the API, as a client would.</summary>
internal static class KnowledgeRequests
{
    /// <summary>A word no other test uses, so a test's search finds only its own articles.</summary>
    public static string Token() => "kb" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A new category with one section, made by a manager; returns the section's id.</summary>
    public static async Task<long> SectionAsync(this RapportApp app)
    {
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var category = await (await manager.PostAsJsonAsync("/api/v1/kb/categories", new { name = "Billing " + Token() }))
            .ReadAsync<CategoryDto>(HttpStatusCode.Created);
        var section = await (await manager.PostAsJsonAsync("/api/v1/kb/sections", new { categoryId = category.Id, name = "Refunds" }))
            .ReadAsync<SectionDto>(HttpStatusCode.Created);
        return section.Id;
    }

    public static async Task<ArticleDto> CreateArticleAsync(this HttpClient staff, long sectionId, string title, string body,
        string language = "en", string visibility = "public", string status = "published", long? translationOf = null, string? reviewBy = null) =>
        await (await staff.PostAsJsonAsync("/api/v1/kb/articles", new { sectionId, title, body, language, visibility, status, translationOf, reviewBy }))
            .ReadAsync<ArticleDto>(HttpStatusCode.Created);

    public static async Task<Page<ArticleHit>> SearchAsync(this HttpClient client, string q, string extra = "") =>
        await (await client.GetAsync($"/api/v1/kb/articles/search?q={Uri.EscapeDataString(q)}{extra}")).ReadAsync<Page<ArticleHit>>();

    public static async Task<ArticleDto> ArticleAsync(this HttpClient client, long id) =>
        await (await client.GetAsync($"/api/v1/kb/articles/{id}")).ReadAsync<ArticleDto>();
}
