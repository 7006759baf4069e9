using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Features.Tone.Pages;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tone;

public static class ToneApi
{
    public static IServiceCollection AddTone(this IServiceCollection services) => services
        .AddScoped<TonePhraseLists>()
        .AddScoped<CheckTone>();

    public static IEndpointRouteBuilder MapTone(this IEndpointRouteBuilder app)
    {
        var tone = app.MapGroup("/api/v1/tone").WithTags("Tone").RequireAuthorization(Policies.Staff);
        tone.MapPost("/check", async (ToneCheckRequest request, CheckTone check, CancellationToken ct) => (await check.ExecuteAsync(request, ct)).ToOk())
            .WithName("CheckTone").WithSummary("Read a reply draft for negative or blaming phrasing (advice only)");
        tone.MapGet("/phrases/{language}", async (string language, TonePhraseLists lists, CancellationToken ct) => (await lists.ReadAsync(language, ct)).ToOk())
            .WithName("TonePhrases").WithSummary("A language's phrase list: Rapport's own until an admin saves one");
        tone.MapPut("/phrases/{language}", SaveAsync).RequireAuthorization(Policies.Managers)
            .WithName("SaveTonePhrases").WithSummary("Replace a language's phrase list");
        tone.MapDelete("/phrases/{language}", ResetAsync).RequireAuthorization(Policies.Managers)
            .WithName("ResetTonePhrases").WithSummary("Go back to Rapport's own phrase list for a language");

        // The composer's hint, as the agent writes (htmx swaps it in below the message box).
        app.MapPost("/agent/tickets/{number:long}/tone", HintsAsync).RequireAuthorization(Policies.Staff).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<TonePhraseListDto>, ProblemHttpResult>> SaveAsync(
        string language, TonePhraseListRequest request, TonePhraseLists lists, HttpContext http, CancellationToken ct) =>
        (await lists.SaveAsync(language, request, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<TonePhraseListDto>, ProblemHttpResult>> ResetAsync(
        string language, TonePhraseLists lists, HttpContext http, CancellationToken ct) =>
        (await lists.ResetAsync(language, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<RazorComponentResult<ToneHints>, NotFound>> HintsAsync(
        long number, [FromForm(Name = "Reply.Body")] string? body, CheckTone check, HttpContext http, CancellationToken ct) =>
        await check.ForTicketAsync(number, body ?? "", Actor.FromPrincipal(http.User), ct) is { } found
            ? new RazorComponentResult<ToneHints>(new { Findings = found.Findings })
            : TypedResults.NotFound();
}
