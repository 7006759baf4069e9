using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Customers;
using Rapport.Features.Knowledge;
using Rapport.Features.Knowledge.Search;
using Rapport.Features.People;
using Rapport.Features.Search.Index;
using Rapport.Features.Search.Pages;
using Rapport.Features.Search.Spelling;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Search;

public static class SearchApi
{
    public static IServiceCollection AddSearch(this IServiceCollection services) => services
        .AddScoped<ISearchEngine>(sp => sp.GetRequiredService<RapportDbContext>() is var db && db.Provider == DatabaseProvider.PostgreSQL
            ? new PostgresSearchEngine(db)
            : new SqliteSearchEngine(db))
        .AddScoped<SearchTickets>()
        .AddScoped<SearchCustomers>()
        .AddScoped<ReindexSearch>()
        .AddSpelling();

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/api/v1/search").WithTags("Search").RequireAuthorization(Policies.Anyone);
        search.MapGet("/", SearchAsync).WithName("Search")
            .WithSummary("Find tickets (default), customers (staff) or knowledge articles with the search language: words, \"phrases\", -word; for tickets also status:open, tag:refund, updated<7d…")
            .WithDescription("When a ticket search finds nothing, suggestion is the query with its misspelt words replaced by the closest indexed words (\"refnud\" → \"refund\"), if that finds a ticket the searcher may see; otherwise null. Fields, phrases and exclusions are kept as typed.");
        app.MapGet("/agent/search/quick", QuickAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    /// <summary>How many of each the top bar's box shows while the agent types.</summary>
    private const int QuickTickets = 6;
    private const int QuickCustomers = 3;
    private const int QuickArticles = 3;

    /// <summary>
    /// The top bar's results as the agent types: tickets, customers and knowledge articles, the last word counting as a
    /// prefix ("refu" finds "refund").
    /// </summary>
    private static async Task<RazorComponentResult<QuickResults>> QuickAsync(
        SearchTickets tickets, SearchCustomers customers, SearchArticles articles, HttpContext http, CancellationToken ct, string? q = null)
    {
        if (string.IsNullOrWhiteSpace(q)) return new RazorComponentResult<QuickResults>(new { Query = "" });
        var found = await tickets.ExecuteAsync(new SearchRequest(q, QuickTickets, AsYouType: true), Actor.FromPrincipal(http.User), ct);
        if (!found.Succeeded) return new RazorComponentResult<QuickResults>(new { Query = q, Error = SearchMessages.Say(found.Error!) });
        // Customers are found by words alone; a query with fields is about tickets.
        var people = await customers.ExecuteAsync(new SearchRequest(q, QuickCustomers, AsYouType: true), ct);
        var kb = await articles.ExecuteAsync(new ArticleSearchFilter(q, Limit: QuickArticles, Prefix: true), Actor.FromPrincipal(http.User), ct);
        return new RazorComponentResult<QuickResults>(new
        {
            Query = q,
            Tickets = found.Value!.Items,
            Customers = people.Succeeded ? people.Value!.Items : Array.Empty<CustomerSummaryDto>(),
            Articles = kb.Succeeded ? kb.Value!.Items : Array.Empty<ArticleHit>(),
        });
    }

    /// <summary>
    /// One page of what a search found: <c>tickets</c> or <c>customers</c>, by <c>type</c>. <c>Suggestion</c>: for a ticket
    /// search that found nothing, the query with misspelt words corrected, when that finds something ("Did you mean").
    /// </summary>
    public sealed record SearchResults(string Type, IReadOnlyList<TicketHit>? Tickets, IReadOnlyList<CustomerSummaryDto>? Customers,
        string? NextCursor, SearchFacets? Facets, IReadOnlyList<ArticleHit>? Articles = null, string? Suggestion = null);

    private static async Task<Results<Ok<SearchResults>, ProblemHttpResult>> SearchAsync(
        SearchTickets tickets, SearchCustomers customers, SearchArticles articles, SuggestSpelling spelling, HttpContext http, CancellationToken ct,
        string? q = null, string? type = null, int? limit = null, string? cursor = null, bool facets = false)
    {
        var actor = Actor.FromPrincipal(http.User);
        var request = new SearchRequest(q, limit, cursor, facets);
        switch (type ?? "ticket")
        {
            case "ticket":
                var found = await tickets.ExecuteAsync(request, actor, ct);
                if (!found.Succeeded) return found.Error!.ToProblem();
                var suggestion = await spelling.ForAsync(request, found.Value, actor, ct);
                return TypedResults.Ok(new SearchResults("ticket", found.Value!.Items, null, found.Value.NextCursor, found.Value.Facets, Suggestion: suggestion));
            case "customer" when actor.IsStaff:
                var people = await customers.ExecuteAsync(request, ct);
                return people.Succeeded
                    ? TypedResults.Ok(new SearchResults("customer", null, people.Value!.Items, people.Value.NextCursor, null))
                    : people.Error!.ToProblem();
            case "customer":
                return new ForbiddenError("Only staff search customers.").ToProblem();
            case "article":
                // The knowledge base's own search: staff find every article, customers published public ones.
                var kb = await articles.ExecuteAsync(new ArticleSearchFilter(q, Limit: limit, Cursor: cursor), actor, ct);
                return kb.Succeeded
                    ? TypedResults.Ok(new SearchResults("article", null, null, kb.Value!.NextCursor, null, kb.Value.Items))
                    : kb.Error!.ToProblem();
            default:
                return ValidationError.For("type", "Use ticket, customer or article.").ToProblem();
        }
    }
}
