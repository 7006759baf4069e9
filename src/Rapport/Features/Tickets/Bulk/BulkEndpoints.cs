using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Json;

namespace Rapport.Features.Tickets.Bulk;

/// <summary>The form a view posts when tickets are selected, and the progress fragment the job page polls.</summary>
public static class BulkEndpoints
{
    public static IServiceCollection AddBulkUpdates(this IServiceCollection services) => services
        .AddSingleton<BulkJobs>()
        .AddHostedService<BulkJobRunner>();

    public static IEndpointRouteBuilder MapBulkUpdates(this IEndpointRouteBuilder app)
    {
        var bulk = app.MapGroup("/agent/bulk").RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        bulk.MapPost("/", Start);
        bulk.MapGet("/{id:guid}/progress", Progress);
        return app;
    }

    private static IResult Start([FromForm] BulkForm form, HttpContext http, BulkJobs jobs)
    {
        var actor = Actor.FromPrincipal(http.User);
        var returnUrl = form.ReturnUrl is { } url && url.StartsWith("/agent", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/agent";
        var numbers = (form.Numbers ?? []).Distinct().Take(BulkJobs.MaxTickets).ToList();
        var change = ToChange(form, actor);
        if (numbers.Count == 0 || change is null) return Results.Redirect(returnUrl + (returnUrl.Contains('?') ? "&" : "?") + "bulk=nothing");
        var job = jobs.Enqueue(actor, numbers, change, returnUrl);
        return Results.Redirect($"/agent/bulk/{job.Id}");
    }

    private static Results<RazorComponentResult<BulkProgress>, NotFound> Progress(Guid id, HttpContext http, BulkJobs jobs)
    {
        var job = jobs.Find(id, Actor.FromPrincipal(http.User));
        return job is null ? TypedResults.NotFound() : new RazorComponentResult<BulkProgress>(new { Job = job });
    }

    /// <summary>Empty fields mean "leave as it is"; nothing chosen at all is no change.</summary>
    private static UpdateTicketRequest? ToChange(BulkForm form, Actor actor)
    {
        var check = new Infrastructure.Problems.Validator();
        Optional<Guid?> assignee = form.Assignee switch
        {
            null or "" => default,
            "none" => Optional<Guid?>.Of(null),
            "me" => Optional<Guid?>.Of(actor.UserId),
            var text when Guid.TryParse(text, out var id) => Optional<Guid?>.Of(id),
            _ => default,
        };
        Optional<long?> team = form.Team switch
        {
            null or "" => default,
            "none" => Optional<long?>.Of(null),
            var text when long.TryParse(text, out var id) => Optional<long?>.Of(id),
            _ => default,
        };
        var status = QueryEnums.Parse<TicketStatus>("status", form.Status, check);
        var priority = QueryEnums.Parse<Priority>("priority", form.Priority, check);
        var addTags = string.IsNullOrWhiteSpace(form.AddTag) ? null : new[] { form.AddTag };
        var change = new UpdateTicketRequest(default,
            status is null ? default : Optional<TicketStatus?>.Of(status),
            priority is null ? default : Optional<Priority?>.Of(priority),
            default, team, assignee, default, default, addTags);
        var nothing = !change.Status.IsSet && !change.Priority.IsSet && !change.TeamId.IsSet && !change.AssigneeId.IsSet && addTags is null;
        return nothing ? null : change;
    }

    public sealed class BulkForm
    {
        public long[]? Numbers { get; set; }
        public string? Assignee { get; set; }
        public string? Status { get; set; }
        public string? Priority { get; set; }
        public string? Team { get; set; }
        public string? AddTag { get; set; }
        public string? ReturnUrl { get; set; }
    }
}
