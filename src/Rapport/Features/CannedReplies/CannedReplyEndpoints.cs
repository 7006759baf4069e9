using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.CannedReplies.Pages;
using Rapport.Features.People;

namespace Rapport.Features.CannedReplies;

/// <summary>The fragment the composer swaps in as an agent types "#…" in the message box (canned.js).</summary>
public static class CannedReplyEndpoints
{
    public static IEndpointRouteBuilder MapCannedReplySuggestions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/agent/tickets/{number:long}/canned-replies", SuggestAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    private static async Task<RazorComponentResult<CannedChoices>> SuggestAsync(
        long number, RenderCannedReply render, HttpContext http, CancellationToken ct, string? q = null) =>
        new(new { Suggestions = await render.SuggestAsync(number, q, Actor.FromPrincipal(http.User), ct), Query = q ?? "" });
}
