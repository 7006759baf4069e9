using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Features.Tickets.Views.Pages;
using Rapport.Features.Tickets.Views.Saved;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets.Views;

public sealed record BuiltInViewDto(string Key, string Name);

/// <summary>The views a caller can open: the built-in ones (by key) and the saved ones they may see (by id).</summary>
public sealed record ViewListDto(IReadOnlyList<BuiltInViewDto> BuiltIn, IReadOnlyList<SavedViewDto> Saved);

/// <summary>Ticket views: the saved ones managed, any one's tickets listed, the rail's counts.</summary>
public static class ViewsApi
{
    public static IServiceCollection AddTicketViews(this IServiceCollection services) => services
        .AddMemoryCache()
        .AddScoped<SavedViews>()
        .AddScoped<ViewCatalogue>()
        .AddScoped<ViewCounts>();

    public static IEndpointRouteBuilder MapTicketViews(this IEndpointRouteBuilder app)
    {
        var views = app.MapGroup("/api/v1/views").WithTags("Views").RequireAuthorization(Policies.Staff);
        views.MapGet("/", ListAsync).WithName("ListViews").WithSummary("The built-in views and the saved views the caller may see");
        views.MapGet("/counts", CountsAsync).WithName("CountViews")
            .WithSummary($"How many tickets each view holds, counted up to {AgentViews.CountCap} (capped) and up to 30 seconds old");
        views.MapPost("/", CreateAsync).WithName("CreateView").WithSummary("Save a view: personal, for a team or shared").WithJsonBodyLimit();
        views.MapGet("/{id:long}", GetAsync).WithName("GetView").WithSummary("Read a saved view");
        views.MapPut("/{id:long}", ReplaceAsync).WithName("ReplaceView").WithSummary("Replace a saved view").WithJsonBodyLimit();
        views.MapPut("/{id:long}/position", MoveAsync).WithName("MoveView")
            .WithSummary("Move a saved view to a place in its group of the rail (1 = first)").WithJsonBodyLimit();
        views.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteView").WithSummary("Delete a saved view");
        views.MapGet("/{key}/tickets", TicketsAsync).WithName("ListViewTickets")
            .WithSummary("A page of a view's tickets (a built-in key or a saved view's id), in the view's order");
        app.MapGet("/agent/view-counts", CountBadgesAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<ViewListDto>> ListAsync(SavedViews saved, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new ViewListDto([.. AgentViews.All.Select(v => new BuiltInViewDto(v.Key, v.Title))], await saved.ListAsync(Actor.FromPrincipal(http.User), ct)));

    private static async Task<Ok<List<ViewCountDto>>> CountsAsync(ViewCatalogue catalogue, ViewCounts counts, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        return TypedResults.Ok(await counts.CountAsync(await catalogue.ForAsync(actor, ct), actor, ct));
    }

    /// <summary>The rail's badges, swapped in after the page has loaded (ViewRail).</summary>
    private static async Task<RazorComponentResult<ViewCountBadges>> CountBadgesAsync(ViewCatalogue catalogue, ViewCounts counts, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        return new(new { Counts = await counts.CountAsync(await catalogue.ForAsync(actor, ct), actor, ct) });
    }

    private static async Task<Results<Ok<SavedViewDto>, ProblemHttpResult>> GetAsync(long id, SavedViews saved, HttpContext http, CancellationToken ct) =>
        (await saved.GetAsync(id, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Created<SavedViewDto>, ProblemHttpResult>> CreateAsync(
        SavedViewRequest request, SavedViews saved, HttpContext http, CancellationToken ct)
    {
        var created = await saved.CreateAsync(request, Actor.FromPrincipal(http.User), ct);
        return created.Succeeded ? TypedResults.Created($"/api/v1/views/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
    }

    private static async Task<Results<Ok<SavedViewDto>, ProblemHttpResult>> ReplaceAsync(
        long id, SavedViewRequest request, SavedViews saved, HttpContext http, CancellationToken ct) =>
        (await saved.ReplaceAsync(id, request, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<SavedViewDto>, ProblemHttpResult>> MoveAsync(
        long id, MoveSavedViewRequest request, SavedViews saved, HttpContext http, CancellationToken ct) =>
        (await saved.MoveAsync(id, request, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, SavedViews saved, HttpContext http, CancellationToken ct)
    {
        var deleted = await saved.DeleteAsync(id, Actor.FromPrincipal(http.User), ct);
        return deleted.Succeeded ? TypedResults.NoContent() : deleted.Error!.ToProblem();
    }

    private static async Task<Results<Ok<Page<TicketDto>>, ProblemHttpResult>> TicketsAsync(
        string key, ViewCatalogue catalogue, ListTickets tickets, TimeProvider clock, HttpContext http, CancellationToken ct, int? limit = null, string? cursor = null)
    {
        var actor = Actor.FromPrincipal(http.User);
        if (await catalogue.FindAsync(key, actor, ct) is not { } view) return new NotFoundError($"There is no view '{key}'.").ToProblem();
        return (await tickets.ExecuteAsync(view.Filter(clock.GetUtcNow()) with { Limit = limit, Cursor = cursor }, actor, ct)).ToOk();
    }
}
