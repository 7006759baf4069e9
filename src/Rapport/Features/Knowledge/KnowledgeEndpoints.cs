using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.Knowledge.Pages;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Knowledge;

/// <summary>
/// The fragments htmx swaps in: the editor's preview, the new-request form's suggested articles, and the ticket page's
/// knowledge panel.
/// </summary>
public static class KnowledgeEndpoints
{
    public const int SuggestionCount = 5;

    public static IEndpointRouteBuilder MapKnowledgePages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/agent/kb/preview", (IFormCollection form) => new RazorComponentResult<ArticlePreview>(new { Markdown = form["Article.Body"].ToString() }))
            .RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        app.MapGet("/portal/help/suggestions", SuggestAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/agent/tickets/{number:long}/suggested-articles", ForTicketAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        // articles.js counts an insert done in the browser; the form (its antiforgery token) makes it the page's own request.
        app.MapPost("/agent/kb/articles/{id:long}/used", async (long id, IFormCollection form, ArticleFeedback feedback, HttpContext http, CancellationToken ct) =>
                await feedback.CountUseAsync(id, Actor.FromPrincipal(http.User), ct) is { Succeeded: true } ? Results.NoContent() : Results.NotFound())
            .RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    /// <summary>The ticket page's suggestions; <paramref name="articles"/> is the panel's search box.</summary>
    private static async Task<RazorComponentResult<TicketArticles>> ForTicketAsync(
        long number, SuggestArticles suggest, HttpContext http, CancellationToken ct, string? articles = null)
    {
        var found = await suggest.ForTicketAsync(number, articles, Actor.FromPrincipal(http.User), ct);
        return new(new { Articles = found.Value ?? [], Query = articles, Error = found.Succeeded ? null : found.Error!.Describe() });
    }

    /// <summary>Public articles matching what the customer has typed so far (the last word as a prefix), each counted as suggested once per reader.</summary>
    private static async Task<RazorComponentResult<HelpSuggestions>> SuggestAsync(
        SearchArticles search, ArticleFeedback feedback, HelpCentre help, HttpContext http, CancellationToken ct, string? subject = null)
    {
        var actor = Actor.FromPrincipal(http.User);
        subject ??= http.Request.Query["Input.Subject"]; // as the new-request form's subject box sends it
        List<Search.ArticleHit> hits = [];
        if (!string.IsNullOrWhiteSpace(subject) && subject.Length <= 300)
        {
            var words = SearchArticles.WordsOf(subject);
            var language = await help.LanguageOfAsync(actor, http, ct);
            var found = await search.ExecuteAsync(new ArticleSearchFilter(words, Limit: SuggestionCount, Prefix: true, AnyWord: true), actor with { Role = Role.Customer }, ct);
            if (found.Succeeded)
            {
                hits = [.. found.Value!.Items.GroupBy(h => h.Id).Select(g => g.First())];
                hits = [.. hits.OrderByDescending(h => h.Language == language)];
                if (hits.Count > 0 && ArticleFeedback.ReaderKey(actor, Visitor.Of(http)) is { } reader)
                    await feedback.CountAsync([.. hits.Select(h => h.Id)], DeflectionEvent.Suggested, reader, ct);
            }
        }
        return new RazorComponentResult<HelpSuggestions>(new { Hits = hits });
    }
}
