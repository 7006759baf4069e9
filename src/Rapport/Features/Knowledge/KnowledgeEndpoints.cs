using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.Knowledge.Pages;
using Rapport.Features.People;

namespace Rapport.Features.Knowledge;

/// <summary>The fragments htmx swaps in: the editor's preview, and the new-request form's suggested articles.</summary>
public static class KnowledgeEndpoints
{
    public const int SuggestionCount = 5;

    public static IEndpointRouteBuilder MapKnowledgePages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/agent/kb/preview", (IFormCollection form) => new RazorComponentResult<ArticlePreview>(new { Markdown = form["Article.Body"].ToString() }))
            .RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        app.MapGet("/portal/help/suggestions", SuggestAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Public articles matching what the customer has typed so far (the last word as a prefix), each counted as suggested.</summary>
    private static async Task<RazorComponentResult<HelpSuggestions>> SuggestAsync(
        SearchArticles search, ArticleFeedback feedback, HelpCentre help, HttpContext http, CancellationToken ct, string? subject = null)
    {
        var actor = Actor.FromPrincipal(http.User);
        subject ??= http.Request.Query["Input.Subject"]; // as the new-request form's subject box sends it
        List<Search.ArticleHit> hits = [];
        if (!string.IsNullOrWhiteSpace(subject) && subject.Length <= 300)
        {
            // Only the words, and not the shortest (a, I, do): quotes and minus signs in a subject are not search syntax here.
            var words = string.Join(' ', subject.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"', '-')).Where(w => w.Length > 2));
            var language = await help.LanguageOfAsync(actor, http, ct);
            var found = await search.ExecuteAsync(new ArticleSearchFilter(words, Limit: SuggestionCount, Prefix: true, AnyWord: true), actor with { Role = Role.Customer }, ct);
            if (found.Succeeded)
            {
                hits = [.. found.Value!.Items.GroupBy(h => h.Id).Select(g => g.First())];
                hits = [.. hits.OrderByDescending(h => h.Language == language)];
                if (hits.Count > 0) await feedback.CountAsync([.. hits.Select(h => h.Id)], DeflectionEvent.Suggested, ct);
            }
        }
        return new RazorComponentResult<HelpSuggestions>(new { Hits = hits });
    }
}
