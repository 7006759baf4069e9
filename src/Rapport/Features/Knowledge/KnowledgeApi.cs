using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Knowledge.Search;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Knowledge;

/// <summary>
/// The knowledge base under /api/v1/kb. Who may do what:
/// <list type="bullet">
/// <item>categories and sections are read by anyone (the help centre's shelves) and arranged by managers and admins;</item>
/// <item>articles are written by every member of staff (agents write what they know; the audit trail and the version
/// history say who) and deleted by supervisors; the list and the versions are staff only;</item>
/// <item>one article, search, votes and deflection events are open to customers and visitors, who only ever see
/// published public articles: anything else is 404 to them.</item>
/// </list>
/// </summary>
public static class KnowledgeApi
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddScoped<ReadShelves>().AddScoped<SaveCategory>().AddScoped<SaveSection>()
            .AddScoped<ReadArticles>().AddScoped<SaveArticle>().AddScoped<ArticleVersions>().AddScoped<SearchArticles>()
            .AddScoped<SuggestArticles>().AddScoped<ArticleFeedback>().AddScoped<HelpCentre>().AddScoped<FlagOverdueReviews>();
        services.AddScoped<IArticleSearch>(s => s.GetRequiredService<RapportDbContext>() is var db && db.Provider == DatabaseProvider.PostgreSQL
            ? new PostgreSqlArticleSearch(db) : new SqliteArticleSearch(db));
        services.AddHostedService<ReviewDateSweeper>();
        return services;
    }

    public static IEndpointRouteBuilder MapKnowledge(this IEndpointRouteBuilder app)
    {
        var kb = app.MapGroup("/api/v1/kb").WithTags("Knowledge base");
        kb.MapGet("/categories", async (ReadShelves read, CancellationToken ct) => TypedResults.Ok(await read.CategoriesAsync(ct)))
            .AllowAnonymous().WithName("ListKbCategories").WithSummary("The help centre's categories, in order");
        kb.MapGet("/categories/{id:long}", async (long id, ReadShelves read, CancellationToken ct) => (await read.CategoryAsync(id, ct)).ToOk())
            .AllowAnonymous().WithName("GetKbCategory").WithSummary("One category");
        kb.MapPost("/categories", CreateCategoryAsync).RequireAuthorization(Policies.Managers).WithName("CreateKbCategory")
            .WithSummary("Add a category (managers and admins); without a position it goes last").WithJsonBodyLimit();
        kb.MapPut("/categories/{id:long}", UpdateCategoryAsync).RequireAuthorization(Policies.Managers).WithName("UpdateKbCategory")
            .WithSummary("Rename, describe or move a category").WithJsonBodyLimit();
        kb.MapDelete("/categories/{id:long}", DeleteCategoryAsync).RequireAuthorization(Policies.Managers).WithName("DeleteKbCategory")
            .WithSummary("Delete an empty category (409 while it has sections)");

        kb.MapGet("/sections", async (ReadShelves read, CancellationToken ct, long? categoryId = null) => TypedResults.Ok(await read.SectionsAsync(categoryId, ct)))
            .AllowAnonymous().WithName("ListKbSections").WithSummary("Sections, by category then position; categoryId narrows to one category");
        kb.MapGet("/sections/{id:long}", async (long id, ReadShelves read, CancellationToken ct) => (await read.SectionAsync(id, ct)).ToOk())
            .AllowAnonymous().WithName("GetKbSection").WithSummary("One section");
        kb.MapPost("/sections", CreateSectionAsync).RequireAuthorization(Policies.Managers).WithName("CreateKbSection")
            .WithSummary("Add a section to a category (managers and admins)").WithJsonBodyLimit();
        kb.MapPut("/sections/{id:long}", UpdateSectionAsync).RequireAuthorization(Policies.Managers).WithName("UpdateKbSection")
            .WithSummary("Rename, describe or move a section, also to another category").WithJsonBodyLimit();
        kb.MapDelete("/sections/{id:long}", DeleteSectionAsync).RequireAuthorization(Policies.Managers).WithName("DeleteKbSection")
            .WithSummary("Delete an empty section (409 while it has articles)");

        var articles = kb.MapGroup("/articles");
        articles.MapGet("/", ListAsync).RequireAuthorization(Policies.Staff).WithName("ListKbArticles")
            .WithSummary("Articles, most recently changed first, with their counts; filter by category, section, status, visibility, language, reviewOverdue");
        articles.MapPost("/", CreateAsync).RequireAuthorization(Policies.Staff).WithName("CreateKbArticle")
            .WithSummary("Write an article (version 1); translationOf makes it a translation of another").WithIdempotency().WithJsonBodyLimit();
        articles.MapGet("/search", SearchAsync).AllowAnonymous().WithName("SearchKbArticles")
            .WithSummary("Full-text search: words, \"phrases\", -exclusions; ranked, with highlighted snippets (HTML). Customers and visitors find published public articles only");
        articles.MapGet("/{id:long}", GetAsync).AllowAnonymous().WithName("GetKbArticle")
            .WithSummary("One article with its body as safe HTML; to customers and visitors only when published and public");
        articles.MapPut("/{id:long}", UpdateAsync).RequireAuthorization(Policies.Staff).WithName("UpdateKbArticle")
            .WithSummary("Replace an article's fields; a changed title or body is a new version").WithJsonBodyLimit();
        articles.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(Policies.Supervisors).WithName("DeleteKbArticle")
            .WithSummary("Delete an article with its versions, votes and counts (team leads, managers, admins)");
        articles.MapGet("/{id:long}/versions", async (long id, ArticleVersions versions, CancellationToken ct) => (await versions.ListAsync(id, ct)).ToOk())
            .RequireAuthorization(Policies.Staff).WithName("ListKbArticleVersions").WithSummary("An article's versions, newest first");
        articles.MapGet("/{id:long}/versions/{version:int}", async (long id, int version, ArticleVersions versions, CancellationToken ct) =>
            (await versions.GetAsync(id, version, ct)).ToOk()).RequireAuthorization(Policies.Staff).WithName("GetKbArticleVersion").WithSummary("One version in full");
        articles.MapPost("/{id:long}/versions/{version:int}/restore", RestoreAsync).RequireAuthorization(Policies.Staff).WithName("RestoreKbArticleVersion")
            .WithSummary("Save that version's title and body as the article's next version");
        articles.MapPost("/{id:long}/votes", VoteAsync).AllowAnonymous().WithName("VoteOnKbArticle")
            .WithSummary("Was this helpful? One vote per signed-in person or per visitor cookie; voting again changes the vote").WithJsonBodyLimit();
        articles.MapPost("/{id:long}/deflections", DeflectAsync).AllowAnonymous().WithName("RecordKbDeflection")
            .WithSummary("Count a step of the new-request form's deflection funnel (suggested, opened or deflected), once per signed-in person or visitor cookie").WithJsonBodyLimit();
        app.MapGet("/api/v1/tickets/{number:long}/suggested-articles", SuggestAsync).WithTags("Knowledge base").RequireAuthorization(Policies.Staff)
            .WithName("SuggestKbArticlesForTicket")
            .WithSummary($"Up to {SuggestArticles.Count} published articles for the ticket's subject and first message, best first; q searches instead");
        return app;
    }

    private static async Task<Results<Created<CategoryDto>, ProblemHttpResult>> CreateCategoryAsync(CategoryRequest request, SaveCategory save, ReadShelves read, HttpContext http, CancellationToken ct)
    {
        var created = await save.CreateAsync(request, Actor.FromPrincipal(http.User), ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        return TypedResults.Created($"/api/v1/kb/categories/{created.Value}", (await read.CategoryAsync(created.Value, ct)).Value);
    }

    private static async Task<Results<Ok<CategoryDto>, ProblemHttpResult>> UpdateCategoryAsync(long id, CategoryRequest request, SaveCategory save, ReadShelves read, HttpContext http, CancellationToken ct) =>
        await save.UpdateAsync(id, request, Actor.FromPrincipal(http.User), ct) is { Succeeded: false } failed ? failed.Error!.ToProblem() : (await read.CategoryAsync(id, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteCategoryAsync(long id, SaveCategory save, HttpContext http, CancellationToken ct) =>
        (await save.DeleteAsync(id, Actor.FromPrincipal(http.User), ct)).ToNoContent();

    private static async Task<Results<Created<SectionDto>, ProblemHttpResult>> CreateSectionAsync(SectionRequest request, SaveSection save, ReadShelves read, HttpContext http, CancellationToken ct)
    {
        var created = await save.CreateAsync(request, Actor.FromPrincipal(http.User), ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        return TypedResults.Created($"/api/v1/kb/sections/{created.Value}", (await read.SectionAsync(created.Value, ct)).Value);
    }

    private static async Task<Results<Ok<SectionDto>, ProblemHttpResult>> UpdateSectionAsync(long id, SectionRequest request, SaveSection save, ReadShelves read, HttpContext http, CancellationToken ct) =>
        await save.UpdateAsync(id, request, Actor.FromPrincipal(http.User), ct) is { Succeeded: false } failed ? failed.Error!.ToProblem() : (await read.SectionAsync(id, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteSectionAsync(long id, SaveSection save, HttpContext http, CancellationToken ct) =>
        (await save.DeleteAsync(id, Actor.FromPrincipal(http.User), ct)).ToNoContent();

    private static async Task<Results<Ok<Page<ArticleSummary>>, ProblemHttpResult>> ListAsync(ReadArticles read, HttpContext http, CancellationToken ct,
        long? categoryId = null, long? sectionId = null, string? status = null, string? visibility = null, string? language = null,
        bool? reviewOverdue = null, int? limit = null, string? cursor = null) =>
        (await read.ListAsync(new ArticleFilter(categoryId, sectionId, status, visibility, language, reviewOverdue, limit, cursor), Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Created<ArticleDto>, ProblemHttpResult>> CreateAsync(ArticleRequest request, SaveArticle save, ReadArticles read, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var created = await save.CreateAsync(request, actor, ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        return TypedResults.Created($"/api/v1/kb/articles/{created.Value}", (await read.GetAsync(created.Value, actor, ct)).Value);
    }

    private static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> GetAsync(long id, ReadArticles read, HttpContext http, CancellationToken ct) =>
        (await read.GetAsync(id, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> UpdateAsync(long id, ArticleRequest request, SaveArticle save, ReadArticles read, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var updated = await save.UpdateAsync(id, request, actor, ct);
        return updated.Succeeded ? (await read.GetAsync(id, actor, ct)).ToOk() : updated.Error!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, SaveArticle save, HttpContext http, CancellationToken ct) =>
        (await save.DeleteAsync(id, Actor.FromPrincipal(http.User), ct)).ToNoContent();

    private static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> RestoreAsync(long id, int version, ArticleVersions versions, ReadArticles read, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var restored = await versions.RestoreAsync(id, version, actor, ct);
        return restored.Succeeded ? (await read.GetAsync(id, actor, ct)).ToOk() : restored.Error!.ToProblem();
    }

    private static async Task<Results<Ok<Page<ArticleHit>>, ProblemHttpResult>> SearchAsync(SearchArticles search, HttpContext http, CancellationToken ct,
        string? q = null, string? language = null, int? limit = null, string? cursor = null, bool prefix = false) =>
        (await search.ExecuteAsync(new ArticleSearchFilter(q, language, limit, cursor, prefix), Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<List<ArticleSummary>>, ProblemHttpResult>> SuggestAsync(long number, SuggestArticles suggest, ReadArticles read,
        HttpContext http, CancellationToken ct, string? q = null)
    {
        var found = await suggest.ForTicketAsync(number, q, Actor.FromPrincipal(http.User), ct);
        return found.Succeeded ? TypedResults.Ok(await read.SummariesAsync(found.Value!, ct)) : found.Error!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> VoteAsync(long id, VoteRequest request, ArticleFeedback feedback, HttpContext http, CancellationToken ct) =>
        (await feedback.VoteAsync(id, request, Actor.FromPrincipal(http.User), Visitor.Of(http), ct)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeflectAsync(long id, DeflectionRequest request, ArticleFeedback feedback, HttpContext http, CancellationToken ct) =>
        (await feedback.RecordAsync(id, request, Actor.FromPrincipal(http.User), Visitor.Of(http), ct)).ToNoContent();

    private static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Result<T> result) =>
        result.Succeeded ? TypedResults.NoContent() : result.Error!.ToProblem();
}

/// <summary>
/// An anonymous visitor of the help centre, known by a random id in a cookie so that they vote once per article.
/// A visitor who clears cookies can vote again; that is the price of not asking visitors to sign in.
/// </summary>
public static class Visitor
{
    public const string Cookie = "rapport.kb.visitor";

    /// <summary>The visitor's id, set on the response when they had none yet.</summary>
    public static string Of(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(Cookie, out var id) && id.Length == 32 && id.All(char.IsAsciiHexDigitLower)) return id;
        id = Guid.NewGuid().ToString("N");
        http.Response.Cookies.Append(Cookie, id, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
        return id;
    }
}
