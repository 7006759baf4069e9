using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Levels;

public static class EscalationLevelsApi
{
    public static IEndpointRouteBuilder MapEscalationLevels(this IEndpointRouteBuilder app)
    {
        var levels = app.MapGroup("/api/v1/escalation-levels").WithTags("Referral and escalation").RequireAuthorization(Policies.Staff);
        levels.MapGet("/", ListAsync).WithName("ListEscalationLevels").WithSummary("The escalation ladder above the first line (level 0), lowest first");
        levels.MapGet("/{level:int}", GetAsync).WithName("GetEscalationLevel").WithSummary("Read one level of the ladder");
        levels.MapPost("/", CreateAsync).WithName("CreateEscalationLevel").WithSummary("Add a level on top of the ladder")
            .RequireAuthorization(Policies.Managers).WithIdempotency().WithJsonBodyLimit();
        levels.MapPatch("/{level:int}", UpdateAsync).WithName("UpdateEscalationLevel")
            .WithSummary("Rename a level, or change its team or the role told").RequireAuthorization(Policies.Managers).WithJsonBodyLimit();
        levels.MapDelete("/{level:int}", DeleteAsync).WithName("DeleteEscalationLevel")
            .WithSummary("Remove the top level (409 for any other)").RequireAuthorization(Policies.Managers);

        app.MapPost("/api/v1/tickets/{number:long}/escalate", EscalateAsync).WithTags("Referral and escalation")
            .RequireAuthorization(Policies.Staff).WithName("EscalateTicket")
            .WithSummary("Escalate the ticket one level up, or to toLevel, with a reason (409 at the top of the ladder)")
            .WithIdempotency().WithJsonBodyLimit();
        return app;
    }

    private static async Task<Ok<List<EscalationLevelDto>>> ListAsync(EscalationLevels levels, CancellationToken ct) => TypedResults.Ok(await levels.ListAsync(ct));

    private static async Task<Results<Ok<EscalationLevelDto>, ProblemHttpResult>> GetAsync(int level, EscalationLevels levels, CancellationToken ct) =>
        (await levels.GetAsync(level, ct)).ToOk();

    private static async Task<Results<Created<EscalationLevelDto>, ProblemHttpResult>> CreateAsync(
        CreateEscalationLevelRequest request, EscalationLevels levels, HttpContext http, CancellationToken ct)
    {
        var created = await levels.CreateAsync(request, Actor.FromPrincipal(http.User), ct);
        return created.Succeeded ? TypedResults.Created($"/api/v1/escalation-levels/{created.Value!.Level}", created.Value) : created.Error!.ToProblem();
    }

    private static async Task<Results<Ok<EscalationLevelDto>, ProblemHttpResult>> UpdateAsync(
        int level, UpdateEscalationLevelRequest request, EscalationLevels levels, HttpContext http, CancellationToken ct) =>
        (await levels.UpdateAsync(level, request, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int level, EscalationLevels levels, HttpContext http, CancellationToken ct)
    {
        var deleted = await levels.DeleteAsync(level, Actor.FromPrincipal(http.User), ct);
        return deleted.Succeeded ? TypedResults.NoContent() : deleted.Error!.ToProblem();
    }

    private static async Task<Results<Ok<EscalationDto>, ProblemHttpResult>> EscalateAsync(
        long number, EscalateTicketRequest request, EscalateTicket escalate, HttpContext http, CancellationToken ct) =>
        (await escalate.ExecuteAsync(number, request, Actor.FromPrincipal(http.User), ct)).ToOk();
}
