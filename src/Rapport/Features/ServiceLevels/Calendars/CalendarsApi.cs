using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;
// Inside Rapport.Features.ServiceLevels, the bare name Policies is the folder's namespace.
using AccessPolicies = Rapport.Features.People.Policies;

namespace Rapport.Features.ServiceLevels.Calendars;

public static class CalendarsApi
{
    public static IServiceCollection AddCalendars(this IServiceCollection services) => services
        .AddScoped<CreateCalendar>().AddScoped<UpdateCalendar>().AddScoped<DeleteCalendar>().AddScoped<ReadCalendars>();

    public static IEndpointRouteBuilder MapCalendars(this IEndpointRouteBuilder app)
    {
        // Staff read (a ticket's due times depend on them); managers set them, as part of the service offer.
        var calendars = app.MapGroup("/api/v1/calendars").WithTags("Calendars").RequireAuthorization(AccessPolicies.Staff);
        calendars.MapGet("/", ListAsync).WithName("ListCalendars").WithSummary("Every business-hours calendar, by name");
        calendars.MapGet("/{id:long}", GetAsync).WithName("GetCalendar").WithSummary("Read a calendar: its zone, weekly hours and holidays");
        calendars.MapPost("/", CreateAsync).WithName("CreateCalendar").WithSummary("Create a business-hours calendar")
            .RequireAuthorization(AccessPolicies.Managers).WithIdempotency().WithJsonBodyLimit();
        calendars.MapPatch("/{id:long}", UpdateAsync).WithName("UpdateCalendar")
            .WithSummary("Change a calendar; weekly hours and holidays, when sent, replace what was there")
            .RequireAuthorization(AccessPolicies.Managers).WithJsonBodyLimit();
        calendars.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteCalendar")
            .WithSummary("Delete a calendar that no service, policy or running clock uses (409 otherwise)")
            .RequireAuthorization(AccessPolicies.Managers);
        calendars.MapGet("/{id:long}/audit", AuditAsync).WithName("CalendarAudit").WithSummary("Every change to the calendar, oldest first");
        return app;
    }

    private static async Task<Ok<List<CalendarDto>>> ListAsync(ReadCalendars read, CancellationToken ct) =>
        TypedResults.Ok(await read.ListAsync(ct));

    private static async Task<Results<Ok<CalendarDto>, ProblemHttpResult>> GetAsync(long id, ReadCalendars read, CancellationToken ct) =>
        (await read.GetAsync(id, ct)).ToOk();

    private static async Task<Results<Created<CalendarDto>, ProblemHttpResult>> CreateAsync(
        CreateCalendarRequest request, CreateCalendar create, ReadCalendars read, HttpContext http, CancellationToken ct)
    {
        var created = await create.ExecuteAsync(request, Actor.FromPrincipal(http.User), ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        return TypedResults.Created($"/api/v1/calendars/{created.Value}", (await read.GetAsync(created.Value, ct)).Value);
    }

    private static async Task<Results<Ok<CalendarDto>, ProblemHttpResult>> UpdateAsync(
        long id, UpdateCalendarRequest request, UpdateCalendar update, ReadCalendars read, HttpContext http, CancellationToken ct)
    {
        var updated = await update.ExecuteAsync(id, request, Actor.FromPrincipal(http.User), ct);
        return updated.Succeeded ? (await read.GetAsync(id, ct)).ToOk() : updated.Error!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, DeleteCalendar delete, HttpContext http, CancellationToken ct)
    {
        var deleted = await delete.ExecuteAsync(id, Actor.FromPrincipal(http.User), ct);
        return deleted.Succeeded ? TypedResults.NoContent() : deleted.Error!.ToProblem();
    }

    private static async Task<Results<Ok<Page<AuditEventDto>>, ProblemHttpResult>> AuditAsync(
        long id, RapportDbContext db, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await AuditTrail.PageAsync(db.AuditEvents.ForEntity("calendar", id), limit, cursor, ct)).ToOk();
}
