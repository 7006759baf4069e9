using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;
// Inside Rapport.Features.ServiceLevels, the bare name Policies is the folder's namespace.
using AccessPolicies = Rapport.Features.People.Policies;

namespace Rapport.Features.ServiceLevels.Policies;

public static class SlaPoliciesApi
{
    public static IServiceCollection AddSlaPolicies(this IServiceCollection services) => services
        .AddScoped<CreateSlaPolicy>().AddScoped<UpdateSlaPolicy>().AddScoped<MoveSlaPolicy>().AddScoped<DeleteSlaPolicy>()
        .AddScoped<ReadSlaPolicies>();

    public static IEndpointRouteBuilder MapSlaPolicies(this IEndpointRouteBuilder app)
    {
        // Staff read (they answer to the targets); managers set them.
        var policies = app.MapGroup("/api/v1/sla-policies").WithTags("SLA policies").RequireAuthorization(AccessPolicies.Staff);
        policies.MapGet("/", ListAsync).WithName("ListSlaPolicies").WithSummary("Every SLA policy, in the order they are tried");
        policies.MapGet("/{id:long}", GetAsync).WithName("GetSlaPolicy").WithSummary("Read an SLA policy");
        policies.MapPost("/", CreateAsync).WithName("CreateSlaPolicy").WithSummary("Create an SLA policy: conditions, calendar and targets")
            .RequireAuthorization(AccessPolicies.Managers).WithIdempotency().WithJsonBodyLimit();
        policies.MapPatch("/{id:long}", UpdateAsync).WithName("UpdateSlaPolicy")
            .WithSummary("Change an SLA policy; targets, when sent, replace them all; isActive false deactivates it")
            .RequireAuthorization(AccessPolicies.Managers).WithJsonBodyLimit();
        policies.MapPut("/{id:long}/position", MoveAsync).WithName("MoveSlaPolicy")
            .WithSummary("Move an SLA policy to a position in the order (1 = tried first)")
            .RequireAuthorization(AccessPolicies.Managers).WithJsonBodyLimit();
        policies.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteSlaPolicy")
            .WithSummary("Delete an SLA policy no ticket is under (409 otherwise: deactivate it instead)")
            .RequireAuthorization(AccessPolicies.Managers);
        policies.MapGet("/{id:long}/audit", AuditAsync).WithName("SlaPolicyAudit").WithSummary("Every change to the SLA policy, oldest first");
        return app;
    }

    private static async Task<Ok<List<SlaPolicyDto>>> ListAsync(ReadSlaPolicies read, CancellationToken ct) =>
        TypedResults.Ok(await read.ListAsync(ct));

    private static async Task<Results<Ok<SlaPolicyDto>, ProblemHttpResult>> GetAsync(long id, ReadSlaPolicies read, CancellationToken ct) =>
        (await read.GetAsync(id, ct)).ToOk();

    private static async Task<Results<Created<SlaPolicyDto>, ProblemHttpResult>> CreateAsync(
        CreateSlaPolicyRequest request, CreateSlaPolicy create, ReadSlaPolicies read, HttpContext http, CancellationToken ct)
    {
        var created = await create.ExecuteAsync(request, Actor.FromPrincipal(http.User), ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        return TypedResults.Created($"/api/v1/sla-policies/{created.Value}", (await read.GetAsync(created.Value, ct)).Value);
    }

    private static async Task<Results<Ok<SlaPolicyDto>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateSlaPolicyRequest request, UpdateSlaPolicy update, ReadSlaPolicies read, HttpContext http, CancellationToken ct)
    {
        var updated = await update.ExecuteAsync(id, request, Actor.FromPrincipal(http.User), ct);
        return updated.Succeeded ? (await read.GetAsync(id, ct)).ToOk() : updated.Error!.ToProblem();
    }

    private static async Task<Results<Ok<SlaPolicyDto>, ProblemHttpResult>> MoveAsync(
        long id, MoveSlaPolicyRequest request, MoveSlaPolicy move, ReadSlaPolicies read, HttpContext http, CancellationToken ct)
    {
        var moved = await move.ExecuteAsync(id, request, Actor.FromPrincipal(http.User), ct);
        return moved.Succeeded ? (await read.GetAsync(id, ct)).ToOk() : moved.Error!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, DeleteSlaPolicy delete, HttpContext http, CancellationToken ct)
    {
        var deleted = await delete.ExecuteAsync(id, Actor.FromPrincipal(http.User), ct);
        return deleted.Succeeded ? TypedResults.NoContent() : deleted.Error!.ToProblem();
    }

    private static async Task<Results<Ok<Page<AuditEventDto>>, ProblemHttpResult>> AuditAsync(
        long id, RapportDbContext db, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await AuditTrail.PageAsync(db.AuditEvents.ForEntity("sla_policy", id), limit, cursor, ct)).ToOk();
}
