using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Tickets;

public static class TicketsApi
{
    public static IServiceCollection AddTickets(this IServiceCollection services) => services
        .AddScoped<CreateTicket>()
        .AddScoped<UpdateTicket>()
        .AddScoped<AddMessage>()
        .AddScoped<Mentions.FindMentionedAgents>()
        .AddScoped<Mentions.SuggestMentions>()
        .AddScoped<CopyCustomersIn>()
        .AddScoped<ListTickets>()
        .AddScoped<ReadTicket>()
        .AddScoped<Services.ServiceChoices>();

    public static IEndpointRouteBuilder MapTickets(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/v1/tickets").WithTags("Tickets").RequireAuthorization(Policies.Anyone);
        tickets.MapPost("/", CreateAsync).WithName("CreateTicket").WithSummary("Open a ticket with its first message")
            .WithIdempotency().WithJsonBodyLimit();
        tickets.MapGet("/", ListAsync).WithName("ListTickets").WithSummary("List visible tickets, most recently updated first");
        tickets.MapGet("/{number:long}", GetAsync).WithName("GetTicket").WithSummary("Read a ticket");
        tickets.MapPatch("/{number:long}", UpdateAsync).WithName("UpdateTicket")
            .WithSummary("Change a ticket's properties (send If-Match with the ETag to refuse stale writes)")
            .RequireAuthorization(Policies.Staff).WithJsonBodyLimit();
        tickets.MapPost("/{number:long}/messages", AddMessageAsync).WithName("AddMessage")
            .WithSummary("Add a public reply or an internal note").WithIdempotency().WithJsonBodyLimit();
        tickets.MapGet("/{number:long}/messages", MessagesAsync).WithName("ListMessages").WithSummary("The conversation, oldest first");
        tickets.MapGet("/{number:long}/audit", AuditAsync).WithName("TicketAudit").WithSummary("Every change to the ticket")
            .RequireAuthorization(Policies.Staff);
        return app;
    }

    private static async Task<Results<Created<TicketDto>, ProblemHttpResult>> CreateAsync(
        CreateTicketRequest request, CreateTicket create, ReadTicket read, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var created = await create.ExecuteAsync(request, actor, ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        var ticket = await read.ExecuteAsync(created.Value, actor, ct);
        http.Response.Headers.ETag = ticket.Value!.ETag;
        return TypedResults.Created($"/api/v1/tickets/{created.Value}", ticket.Value);
    }

    private static async Task<Results<Ok<Page<TicketDto>>, ProblemHttpResult>> ListAsync(
        ListTickets list, HttpContext http, CancellationToken ct,
        string? status = null, string? assignee = null, string? team = null, long? requester = null,
        string? priority = null, string? type = null, DateTimeOffset? updatedSince = null, int? limit = null, string? cursor = null,
        string? sort = null)
    {
        var check = new Validator();
        var statuses = QueryEnums.ParseList<TicketStatus>("status", status, check);
        var priorityValue = QueryEnums.Parse<Priority>("priority", priority, check);
        var typeValue = QueryEnums.Parse<TicketType>("type", type, check);
        var sortValue = QueryEnums.Parse<TicketSort>("sort", sort, check) ?? TicketSort.UpdatedDesc;
        if (!check.IsValid) return check.ToError().ToProblem();
        var page = await list.ExecuteAsync(
            new TicketFilter(statuses, assignee, team, requester, priorityValue, typeValue, updatedSince, limit, cursor, Sort: sortValue),
            Actor.FromPrincipal(http.User), ct);
        return page.ToOk();
    }

    private static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> GetAsync(long number, ReadTicket read, HttpContext http, CancellationToken ct)
    {
        var ticket = await read.ExecuteAsync(number, Actor.FromPrincipal(http.User), ct);
        if (!ticket.Succeeded) return ticket.Error!.ToProblem();
        http.Response.Headers.ETag = ticket.Value!.ETag;
        return TypedResults.Ok(ticket.Value);
    }

    private static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> UpdateAsync(
        long number, UpdateTicketRequest request, UpdateTicket update, ReadTicket read, HttpContext http,
        [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        int? expected = null;
        if (!string.IsNullOrEmpty(ifMatch) && ifMatch != "*")
        {
            if (!TryParseETag(number, ifMatch, out var version)) return new StaleTicketVersion(number).ToProblem();
            expected = version;
        }
        var updated = await update.ExecuteAsync(number, request, expected, actor, ct);
        if (!updated.Succeeded) return updated.Error!.ToProblem();
        var ticket = await read.ExecuteAsync(number, actor, ct);
        http.Response.Headers.ETag = ticket.Value!.ETag;
        return TypedResults.Ok(ticket.Value);
    }

    private static async Task<Results<Created<MessageDto>, ProblemHttpResult>> AddMessageAsync(
        long number, AddMessageRequest request, AddMessage add, ReadTicket read, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var added = await add.ExecuteAsync(number, request, actor, ct);
        if (!added.Succeeded) return added.Error!.ToProblem();
        var messages = await read.MessagesAsync(number, actor, 1, new Cursor(0, added.Value - 1).Encode(), ct);
        return TypedResults.Created($"/api/v1/tickets/{number}/messages", messages.Value!.Items[0]);
    }

    private static async Task<Results<Ok<Page<MessageDto>>, ProblemHttpResult>> MessagesAsync(
        long number, ReadTicket read, HttpContext http, CancellationToken ct, int? limit = null, string? cursor = null)
    {
        var page = await read.MessagesAsync(number, Actor.FromPrincipal(http.User), limit, cursor, ct);
        return page.ToOk();
    }

    private static async Task<Results<Ok<Page<AuditEventDto>>, ProblemHttpResult>> AuditAsync(
        long number, ReadTicket read, HttpContext http, CancellationToken ct, int? limit = null, string? cursor = null)
    {
        var page = await read.AuditAsync(number, Actor.FromPrincipal(http.User), limit, cursor, ct);
        return page.ToOk();
    }

    private static bool TryParseETag(long number, string header, out int version)
    {
        version = 0;
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        var prefix = $"\"{number}-";
        return value.StartsWith(prefix, StringComparison.Ordinal) && value.EndsWith('"')
            && int.TryParse(value[prefix.Length..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version);
    }
}
