using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

public static class TeamsApi
{
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/v1/teams").WithTags("Teams").RequireAuthorization(Policies.Staff);
        teams.MapGet("/", ListAsync).WithName("ListTeams").WithSummary("Every team, by name, with its member count");
        teams.MapGet("/{id:long}", GetAsync).WithName("GetTeam").WithSummary("Read a team with its members");
        teams.MapPost("/", CreateAsync).WithName("CreateTeam").WithSummary("Create a team")
            .RequireAuthorization(Policies.Admins).WithIdempotency().WithJsonBodyLimit();
        teams.MapPatch("/{id:long}", UpdateAsync).WithName("UpdateTeam").WithSummary("Rename a team, change its aim, restrict it or set its assignment method")
            .RequireAuthorization(Policies.Admins).WithJsonBodyLimit();
        teams.MapPut("/{id:long}/members/{userId:guid}", AddMemberAsync).WithName("AddTeamMember")
            .WithSummary("Add a staff member to the team (no change if already a member)").RequireAuthorization(Policies.Admins);
        teams.MapDelete("/{id:long}/members/{userId:guid}", RemoveMemberAsync).WithName("RemoveTeamMember")
            .WithSummary("Take a member out of the team (no change if not a member)").RequireAuthorization(Policies.Admins);
        teams.MapGet("/{id:long}/audit", AuditAsync).WithName("TeamAudit").WithSummary("Every change to the team and its membership")
            .RequireAuthorization(Policies.Admins);
        return app;
    }

    private static async Task<Ok<List<TeamSummaryDto>>> ListAsync(ReadTeams read, CancellationToken ct) =>
        TypedResults.Ok(await read.ListAsync(ct));

    private static async Task<Results<Ok<TeamDto>, ProblemHttpResult>> GetAsync(long id, ReadTeams read, CancellationToken ct)
    {
        var team = await read.GetAsync(id, ct);
        return team.ToOk();
    }

    private static async Task<Results<Created<TeamDto>, ProblemHttpResult>> CreateAsync(
        CreateTeamRequest request, CreateTeam create, ReadTeams read, HttpContext http, CancellationToken ct)
    {
        var created = await create.ExecuteAsync(request, Actor.FromPrincipal(http.User), ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        var team = await read.GetAsync(created.Value, ct);
        return TypedResults.Created($"/api/v1/teams/{created.Value}", team.Value);
    }

    private static async Task<Results<Ok<TeamDto>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateTeamRequest request, UpdateTeam update, ReadTeams read, HttpContext http, CancellationToken ct)
    {
        var updated = await update.ExecuteAsync(id, request, Actor.FromPrincipal(http.User), ct);
        if (!updated.Succeeded) return updated.Error!.ToProblem();
        var team = await read.GetAsync(id, ct);
        return TypedResults.Ok(team.Value);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AddMemberAsync(
        long id, Guid userId, ChangeTeamMembership membership, HttpContext http, CancellationToken ct)
    {
        var added = await membership.AddAsync(id, userId, Actor.FromPrincipal(http.User), ct);
        return added.Succeeded ? TypedResults.NoContent() : added.Error!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMemberAsync(
        long id, Guid userId, ChangeTeamMembership membership, HttpContext http, CancellationToken ct)
    {
        var removed = await membership.RemoveAsync(id, userId, Actor.FromPrincipal(http.User), ct);
        return removed.Succeeded ? TypedResults.NoContent() : removed.Error!.ToProblem();
    }

    private static async Task<Results<Ok<Page<AuditEventDto>>, ProblemHttpResult>> AuditAsync(
        long id, RapportDbContext db, CancellationToken ct, int? limit = null, string? cursor = null)
    {
        var entityId = id.ToString(CultureInfo.InvariantCulture);
        var page = await AuditTrail.PageAsync(db.AuditEvents.Where(a => a.EntityType == "team" && a.EntityId == entityId), limit, cursor, ct);
        return page.ToOk();
    }
}
