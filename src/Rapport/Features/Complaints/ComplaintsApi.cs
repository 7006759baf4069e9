using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.Complaints.Deadlines;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints;

public static class ComplaintsApi
{
    public static IServiceCollection AddComplaints(this IServiceCollection services) => services
        .AddScoped<ReadComplaint>()
        .AddScoped<UpdateComplaint>()
        .AddScoped<ListOpenComplaints>()
        .AddScoped<RootCauses>()
        .AddScoped<ComplaintSettingsStore>()
        .AddScoped<CreateDeadlineRule>()
        .AddScoped<UpdateDeadlineRule>()
        .AddScoped<EscalateOverdueComplaints>()
        .AddHostedService<ComplaintSweeper>();

    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder app)
    {
        var ticket = app.MapGroup("/api/v1/tickets/{number:long}/complaint").WithTags("Complaints").RequireAuthorization(Policies.Staff);
        ticket.MapGet("/", GetAsync).WithName("GetComplaint").WithSummary("A complaint ticket's procedure: stage, deadlines, root cause, remedy, decision, the customer's response");
        ticket.MapPatch("/", UpdateAsync).WithName("UpdateComplaint")
            .WithSummary("Record the complaint's progress; a stage move the procedure refuses is a 409 that says why").WithJsonBodyLimit();

        app.MapGet("/api/v1/complaints", ListAsync).WithTags("Complaints").RequireAuthorization(Policies.Supervisors)
            .WithName("ListOpenComplaints").WithSummary("Open complaints, nearest deadline first (overdue ones lead)");

        var causes = app.MapGroup("/api/v1/complaint-root-causes").WithTags("Complaints").RequireAuthorization(Policies.Staff);
        causes.MapGet("/", ListRootCausesAsync).WithName("ListComplaintRootCauses").WithSummary("Root causes by name; retired ones with all=true");
        causes.MapPost("/", CreateRootCauseAsync).WithName("CreateComplaintRootCause").WithSummary("Add a root cause")
            .RequireAuthorization(Policies.Managers).WithIdempotency().WithJsonBodyLimit();
        causes.MapPatch("/{key}", UpdateRootCauseAsync).WithName("UpdateComplaintRootCause")
            .WithSummary("Rename, retire (isActive false) or bring back a root cause").RequireAuthorization(Policies.Managers).WithJsonBodyLimit();

        var settings = app.MapGroup("/api/v1/complaint-settings").WithTags("Complaints").RequireAuthorization(Policies.Staff);
        settings.MapGet("/", GetSettingsAsync).WithName("GetComplaintSettings").WithSummary("Which team handles complaints");
        settings.MapPatch("/", UpdateSettingsAsync).WithName("UpdateComplaintSettings")
            .WithSummary("Choose the team overdue complaints are escalated to").RequireAuthorization(Policies.Managers).WithJsonBodyLimit();
        return app;
    }

    private static async Task<Results<Ok<ComplaintDto>, ProblemHttpResult>> GetAsync(long number, ReadComplaint read, HttpContext http, CancellationToken ct) =>
        (await read.ExecuteAsync(number, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Results<Ok<ComplaintDto>, ProblemHttpResult>> UpdateAsync(
        long number, UpdateComplaintRequest request, UpdateComplaint update, ReadComplaint read, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var updated = await update.ExecuteAsync(number, request, actor, ct);
        if (!updated.Succeeded) return updated.Error!.ToProblem();
        return (await read.ExecuteAsync(number, actor, ct)).ToOk();
    }

    private static async Task<Results<Ok<Page<ComplaintSummaryDto>>, ProblemHttpResult>> ListAsync(
        ListOpenComplaints list, HttpContext http, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await list.ExecuteAsync(Actor.FromPrincipal(http.User), limit, cursor, ct)).ToOk();

    private static async Task<Ok<List<RootCauseDto>>> ListRootCausesAsync(RootCauses causes, CancellationToken ct, bool all = false) =>
        TypedResults.Ok(await causes.ListAsync(activeOnly: !all, ct));

    private static async Task<Results<Created<RootCauseDto>, ProblemHttpResult>> CreateRootCauseAsync(
        CreateRootCauseRequest request, RootCauses causes, HttpContext http, CancellationToken ct)
    {
        var created = await causes.CreateAsync(request, Actor.FromPrincipal(http.User), ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        return TypedResults.Created($"/api/v1/complaint-root-causes/{created.Value!.Key}", created.Value);
    }

    private static async Task<Results<Ok<RootCauseDto>, ProblemHttpResult>> UpdateRootCauseAsync(
        string key, UpdateRootCauseRequest request, RootCauses causes, HttpContext http, CancellationToken ct) =>
        (await causes.UpdateAsync(key, request, Actor.FromPrincipal(http.User), ct)).ToOk();

    private static async Task<Ok<ComplaintSettingsDto>> GetSettingsAsync(ComplaintSettingsStore settings, CancellationToken ct) =>
        TypedResults.Ok(await settings.ReadAsync(ct));

    private static async Task<Results<Ok<ComplaintSettingsDto>, ProblemHttpResult>> UpdateSettingsAsync(
        UpdateComplaintSettingsRequest request, ComplaintSettingsStore settings, HttpContext http, CancellationToken ct) =>
        (await settings.UpdateAsync(request, Actor.FromPrincipal(http.User), ct)).ToOk();
}
