using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Services;

/// <summary>
/// The service offer (C4). Staff read the whole catalogue, retired and internal services included, at
/// /api/v1/services; managers change it. Anyone, signed in or not, reads the published offer at /api/v1/offer:
/// only public, active services, in words, without the internal details.
/// </summary>
public static class ServicesApi
{
    public static IServiceCollection AddServiceOffer(this IServiceCollection services) => services
        .AddScoped<CreateService>().AddScoped<UpdateService>().AddScoped<ReadServices>().AddScoped<ReadOffer>();

    public static IEndpointRouteBuilder MapServiceOffer(this IEndpointRouteBuilder app)
    {
        var services = app.MapGroup("/api/v1/services").WithTags("Services").RequireAuthorization(Policies.Staff);
        services.MapGet("/", ListAsync).WithName("ListServices").WithSummary("Every service in catalogue order; active=true or false filters");
        services.MapGet("/{id:long}", GetAsync).WithName("GetService").WithSummary("Read a service");
        services.MapPost("/", CreateAsync).WithName("CreateService").WithSummary("Add a service to the offer")
            .RequireAuthorization(Policies.Managers).WithIdempotency().WithJsonBodyLimit();
        services.MapPatch("/{id:long}", UpdateAsync).WithName("UpdateService")
            .WithSummary("Change a service; channels, when sent, replace the list; isActive false retires it")
            .RequireAuthorization(Policies.Managers).WithJsonBodyLimit();
        services.MapGet("/{id:long}/audit", AuditAsync).WithName("ServiceAudit").WithSummary("Every change to the service, oldest first");

        app.MapGet("/api/v1/offer", OfferAsync).WithTags("Services").AllowAnonymous().WithName("ReadOffer")
            .WithSummary("The published offer: public, active services with their hours and promised times in words");
        return app;
    }

    private static async Task<Ok<List<ServiceDto>>> ListAsync(ReadServices read, CancellationToken ct, bool? active = null) =>
        TypedResults.Ok(await read.ListAsync(active, ct));

    private static async Task<Results<Ok<ServiceDto>, ProblemHttpResult>> GetAsync(long id, ReadServices read, CancellationToken ct) =>
        (await read.GetAsync(id, ct)).ToOk();

    private static async Task<Results<Created<ServiceDto>, ProblemHttpResult>> CreateAsync(
        CreateServiceRequest request, CreateService create, ReadServices read, HttpContext http, CancellationToken ct)
    {
        var created = await create.ExecuteAsync(request, Actor.FromPrincipal(http.User), ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        return TypedResults.Created($"/api/v1/services/{created.Value}", (await read.GetAsync(created.Value, ct)).Value);
    }

    private static async Task<Results<Ok<ServiceDto>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateServiceRequest request, UpdateService update, ReadServices read, HttpContext http, CancellationToken ct)
    {
        var updated = await update.ExecuteAsync(id, request, Actor.FromPrincipal(http.User), ct);
        return updated.Succeeded ? (await read.GetAsync(id, ct)).ToOk() : updated.Error!.ToProblem();
    }

    private static async Task<Results<Ok<Page<AuditEventDto>>, ProblemHttpResult>> AuditAsync(
        long id, RapportDbContext db, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await AuditTrail.PageAsync(db.AuditEvents.ForEntity("service", id), limit, cursor, ct)).ToOk();

    private static async Task<Ok<List<OfferedServiceDto>>> OfferAsync(ReadOffer offer, CancellationToken ct) =>
        TypedResults.Ok(await offer.ExecuteAsync(ct));
}
