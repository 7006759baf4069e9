using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.CannedReplies;

public static class CannedRepliesApi
{
    public static IServiceCollection AddCannedReplies(this IServiceCollection services) => services
        .AddScoped<ListCannedReplies>()
        .AddScoped<ReadCannedReply>()
        .AddScoped<CreateCannedReply>()
        .AddScoped<ChangeCannedReply>()
        .AddScoped<RenderCannedReply>()
        .AddScoped<ApplyCannedReply>();

    public static IEndpointRouteBuilder MapCannedReplies(this IEndpointRouteBuilder app)
    {
        var replies = app.MapGroup("/api/v1/canned-replies").WithTags("Canned replies").RequireAuthorization(Policies.Staff);
        replies.MapGet("/", ListAsync).WithName("ListCannedReplies")
            .WithSummary("The canned replies I may use (shared, my teams', my own) by title; q matches text in the title");
        replies.MapPost("/", CreateAsync).WithName("CreateCannedReply")
            .WithSummary("Write a canned reply: personal (anyone), team (its leads, managers, admins) or shared (supervisors)")
            .WithIdempotency().WithJsonBodyLimit();
        replies.MapGet("/{id:long}", GetAsync).WithName("GetCannedReply").WithSummary("Read a canned reply I may use");
        replies.MapPut("/{id:long}", UpdateAsync).WithName("UpdateCannedReply")
            .WithSummary("Replace a canned reply's fields (who may: as for writing one)").WithJsonBodyLimit();
        replies.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteCannedReply").WithSummary("Delete a canned reply");

        var onTicket = app.MapGroup("/api/v1/tickets/{number:long}/canned-replies").WithTags("Canned replies").RequireAuthorization(Policies.Staff);
        onTicket.MapPost("/{id:long}/render", RenderAsync).WithName("RenderCannedReply")
            .WithSummary("The reply's body filled in for the ticket and me, and the fields its macro would set");
        onTicket.MapPost("/{id:long}/apply", ApplyAsync).WithName("ApplyCannedReply")
            .WithSummary("Set the macro's fields on the ticket (through the ticket's rules) and return the filled-in body");
        return app;
    }

    private static async Task<Results<Ok<Page<CannedReplyDto>>, ProblemHttpResult>> ListAsync(
        ListCannedReplies list, HttpContext http, CancellationToken ct, string? q = null, string? language = null, int? limit = null, string? cursor = null) =>
        (await list.ExecuteAsync(new CannedReplyFilter(q, language, limit, cursor), Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Created<CannedReplyDto>, ProblemHttpResult>> CreateAsync(
        CannedReplyRequest request, CreateCannedReply create, ReadCannedReply read, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var created = await create.ExecuteAsync(request, actor, ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        var reply = await read.ExecuteAsync(created.Value, actor, ct);
        return TypedResults.Created($"/api/v1/canned-replies/{created.Value}", reply.Value);
    }

    private static async Task<Results<Ok<CannedReplyDto>, ProblemHttpResult>> GetAsync(long id, ReadCannedReply read, HttpContext http, CancellationToken ct) =>
        (await read.ExecuteAsync(id, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<CannedReplyDto>, ProblemHttpResult>> UpdateAsync(
        long id, CannedReplyRequest request, ChangeCannedReply change, ReadCannedReply read, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var updated = await change.UpdateAsync(id, request, actor, ct);
        if (!updated.Succeeded) return updated.Error!.ToProblem();
        return (await read.ExecuteAsync(id, actor, ct)).ToOk();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, ChangeCannedReply change, HttpContext http, CancellationToken ct)
    {
        var deleted = await change.DeleteAsync(id, Actor.FromPrincipal(http.User), ct);
        return deleted.Succeeded ? TypedResults.NoContent() : deleted.Error!.ToProblem();
    }

    private static async Task<Results<Ok<RenderedCannedReply>, ProblemHttpResult>> RenderAsync(
        long number, long id, RenderCannedReply render, HttpContext http, CancellationToken ct) =>
        (await render.ExecuteAsync(number, id, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<RenderedCannedReply>, ProblemHttpResult>> ApplyAsync(
        long number, long id, ApplyCannedReply apply, HttpContext http, CancellationToken ct) =>
        (await apply.ExecuteAsync(number, id, Actor.FromPrincipal(http.User), ct)).ToOk();
}
