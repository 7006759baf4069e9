using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Routing;

/// <summary>Assignment and workload (C6): availability, skills, absences and a team's workload; the top bar's availability form.</summary>
public static class RoutingApi
{
    public static IServiceCollection AddTicketRouting(this IServiceCollection services) => services
        .AddScoped<RoutingAccess>()
        .AddScoped<TeamRoster>()
        .AddScoped<AutoAssign>()
        .AddScoped<SetAvailability>()
        .AddScoped<ReadSkills>()
        .AddScoped<SetSkills>()
        .AddScoped<RecordAbsence>()
        .AddScoped<CancelAbsence>()
        .AddScoped<ListAbsences>()
        .AddScoped<RedistributeAbsentWork>()
        .AddScoped<ReadWorkload>()
        .AddHostedService<AbsenceSweep>();

    public static IEndpointRouteBuilder MapTicketRouting(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Policies.Staff);
        users.MapPut("/{id:guid}/availability", SetAvailabilityAsync).WithName("SetAvailability")
            .WithSummary("Set whether someone takes new work (yourself; team leads for their teams' members; managers and admins for anyone)")
            .WithJsonBodyLimit();
        users.MapGet("/{id:guid}/skills", ReadSkillsAsync).WithName("GetSkills").WithSummary("A staff member's skills (yourself, or any as a supervisor)");
        users.MapPut("/{id:guid}/skills", SetSkillsAsync).WithName("SetSkills")
            .WithSummary("Replace a staff member's skills (team leads for their teams' members; managers and admins for anyone)")
            .RequireAuthorization(Policies.Supervisors).WithJsonBodyLimit();

        var absences = app.MapGroup("/api/v1/absences").WithTags("Absences").RequireAuthorization(Policies.Staff);
        absences.MapGet("/", ListAbsencesAsync).WithName("ListAbsences")
            .WithSummary("Absences you may see, by start; state is active (default: now or to come), current, upcoming or past");
        absences.MapPost("/", RecordAbsenceAsync).WithName("RecordAbsence")
            .WithSummary("Record an absence; one already started redistributes the person's open tickets at once")
            .RequireAuthorization(Policies.Supervisors).WithIdempotency().WithJsonBodyLimit();
        absences.MapPost("/{id:long}/cancel", CancelAbsenceAsync).WithName("CancelAbsence")
            .WithSummary("Cancel an absence that has not ended (no change if cancelled already)").RequireAuthorization(Policies.Supervisors);

        app.MapGroup("/api/v1/teams").WithTags("Teams").RequireAuthorization(Policies.Supervisors)
            .MapGet("/{id:long}/workload", WorkloadAsync).WithName("TeamWorkload")
            .WithSummary("Each member's availability, absence, open, pending, on-hold and breaching tickets, and load");

        app.MapPost("/agent/availability", AvailabilityFormAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<AvailabilityDto>, ProblemHttpResult>> SetAvailabilityAsync(
        Guid id, SetAvailabilityRequest request, SetAvailability set, HttpContext http, CancellationToken ct) =>
        (await set.ExecuteAsync(id, request, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<List<SkillDto>>, ProblemHttpResult>> ReadSkillsAsync(Guid id, ReadSkills read, HttpContext http, CancellationToken ct) =>
        (await read.ExecuteAsync(id, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<List<SkillDto>>, ProblemHttpResult>> SetSkillsAsync(
        Guid id, SetSkillsRequest request, SetSkills set, HttpContext http, CancellationToken ct) =>
        (await set.ExecuteAsync(id, request, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<Page<AbsenceDto>>, ProblemHttpResult>> ListAbsencesAsync(
        ListAbsences list, HttpContext http, CancellationToken ct,
        Guid? userId = null, long? teamId = null, string? state = null, int? limit = null, string? cursor = null)
    {
        var check = new Validator();
        var parsed = QueryEnums.Parse<AbsenceState>("state", state, check);
        if (!check.IsValid) return check.ToError().ToProblem();
        var page = await list.ExecuteAsync(new AbsenceFilter(userId, teamId, parsed ?? AbsenceState.Active, limit, cursor), Actor.FromPrincipal(http.User), ct);
        return page.ToOk();
    }

    private static async Task<Results<Created<AbsenceDto>, ProblemHttpResult>> RecordAbsenceAsync(
        RecordAbsenceRequest request, RecordAbsence record, RapportDbContext db, HttpContext http, CancellationToken ct)
    {
        var recorded = await record.ExecuteAsync(request, Actor.FromPrincipal(http.User), ct);
        if (!recorded.Succeeded) return recorded.Error!.ToProblem();
        return TypedResults.Created($"/api/v1/absences/{recorded.Value}", await ReadAsync(db, recorded.Value, ct));
    }

    private static async Task<Results<Ok<AbsenceDto>, ProblemHttpResult>> CancelAbsenceAsync(
        long id, CancelAbsence cancel, RapportDbContext db, HttpContext http, CancellationToken ct)
    {
        var cancelled = await cancel.ExecuteAsync(id, Actor.FromPrincipal(http.User), ct);
        return cancelled.Succeeded ? TypedResults.Ok(await ReadAsync(db, id, ct)) : cancelled.Error!.ToProblem();
    }

    private static Task<AbsenceDto> ReadAsync(RapportDbContext db, long id, CancellationToken ct) =>
        db.Absences.AsNoTracking().Where(a => a.Id == id).Select(RoutingProjections.Absence).SingleAsync(ct);

    private static async Task<Results<Ok<TeamWorkloadDto>, ProblemHttpResult>> WorkloadAsync(long id, ReadWorkload read, HttpContext http, CancellationToken ct) =>
        (await read.ExecuteAsync(id, Actor.FromPrincipal(http.User), ct)).ToOk();

    /// <summary>The top bar's form: sets the signer's own availability (or, from a lead's page, a member's) and goes back.</summary>
    private static async Task<IResult> AvailabilityFormAsync([FromForm] AvailabilityForm form, SetAvailability set, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var back = form.ReturnUrl is { } url && (url.StartsWith("/agent", StringComparison.Ordinal) || url.StartsWith("/admin", StringComparison.Ordinal))
            && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/agent";
        var check = new Validator();
        var availability = QueryEnums.Parse<Availability>("availability", form.Availability, check);
        var userId = form.UserId ?? actor.UserId;
        if (availability is null || userId is null) return Results.Redirect(back);
        var result = await set.ExecuteAsync(userId.Value, new SetAvailabilityRequest(availability), actor, ct);
        return result.Succeeded ? Results.Redirect(back) : result.Error!.ToProblem();
    }

    public sealed class AvailabilityForm
    {
        public Guid? UserId { get; set; }
        public string? Availability { get; set; }
        public string? ReturnUrl { get; set; }
    }
}
