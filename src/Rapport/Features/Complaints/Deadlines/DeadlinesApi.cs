using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints.Deadlines;

/// <summary>Deadlines and rights (C26): every member of staff reads them; managers set them.</summary>
public static class DeadlinesApi
{
    public static IEndpointRouteBuilder MapDeadlines(this IEndpointRouteBuilder app)
    {
        var deadlines = app.MapGroup("/api/v1/deadlines").WithTags("Deadlines and rights").RequireAuthorization(Policies.Staff);
        deadlines.MapGet("/", ListAsync).WithName("ListDeadlineRules").WithSummary("Every deadline and right, by key");
        deadlines.MapPost("/", CreateAsync).WithName("CreateDeadlineRule").WithSummary("Add a deadline or right")
            .RequireAuthorization(Policies.Managers).WithIdempotency().WithJsonBodyLimit();
        deadlines.MapPatch("/{key}", UpdateAsync).WithName("UpdateDeadlineRule")
            .WithSummary("Change a rule; complaints already received keep their deadlines")
            .RequireAuthorization(Policies.Managers).WithJsonBodyLimit();
        return app;
    }

    public static Task<List<DeadlineRuleDto>> ReadAllAsync(RapportDbContext db, CancellationToken ct) =>
        db.DeadlineRules.AsNoTracking().OrderBy(r => r.Key).ToDto().ToListAsync(ct);

    private static async Task<Ok<List<DeadlineRuleDto>>> ListAsync(RapportDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ReadAllAsync(db, ct));

    private static async Task<Results<Created<DeadlineRuleDto>, ProblemHttpResult>> CreateAsync(
        CreateDeadlineRuleRequest request, CreateDeadlineRule create, RapportDbContext db, HttpContext http, CancellationToken ct)
    {
        var created = await create.ExecuteAsync(request, Actor.FromPrincipal(http.User), ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        return TypedResults.Created($"/api/v1/deadlines/{created.Value}", await ReadAsync(db, created.Value!, ct));
    }

    private static async Task<Results<Ok<DeadlineRuleDto>, ProblemHttpResult>> UpdateAsync(
        string key, UpdateDeadlineRuleRequest request, UpdateDeadlineRule update, RapportDbContext db, HttpContext http, CancellationToken ct)
    {
        var updated = await update.ExecuteAsync(key, request, Actor.FromPrincipal(http.User), ct);
        if (!updated.Succeeded) return updated.Error!.ToProblem();
        return TypedResults.Ok(await ReadAsync(db, key, ct));
    }

    private static Task<DeadlineRuleDto> ReadAsync(RapportDbContext db, string key, CancellationToken ct) =>
        db.DeadlineRules.AsNoTracking().Where(r => r.Key == key).ToDto().SingleAsync(ct);
}
