using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Features.Tickets.Mentions.Pages;

namespace Rapport.Features.Tickets.Mentions;

/// <summary>The fragment the composer swaps in as an agent types "@…" in a note.</summary>
public static class MentionEndpoints
{
    public static IEndpointRouteBuilder MapMentionSuggestions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/agent/tickets/{number:long}/mentionable", SuggestAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    private static async Task<RazorComponentResult<MentionChoices>> SuggestAsync(
        long number, SuggestMentions suggest, HttpContext http, CancellationToken ct, string? q = null) =>
        new(new { Suggestions = await suggest.ExecuteAsync(number, q, Actor.FromPrincipal(http.User), ct), Query = q ?? "" });
}
