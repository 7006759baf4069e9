using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Data.Sqlite;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Features.Tickets.Pages;

namespace Rapport.Features.Tickets.Live;

/// <summary>
/// The ticket page's live side: a Server-Sent Events stream that says "changed" or "presence",
/// and the fragments the page swaps in when it hears them. Holding the stream open is what
/// "viewing" means; the composer reports typing.
/// </summary>
public static class LiveTicketEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IServiceCollection AddLiveTickets(this IServiceCollection services) => services
        .AddSingleton<TicketChanges>()
        .AddSingleton<TicketPresence>();

    public static IEndpointRouteBuilder MapLiveTickets(this IEndpointRouteBuilder app)
    {
        var live = app.MapGroup("/agent/tickets/{number:long}").RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        live.MapGet("/events", StreamAsync).WithMetadata(LongLivedStream.Instance);
        live.MapGet("/timeline", TimelineAsync);
        live.MapGet("/presence", Presence);
        live.MapPost("/typing", TypingAsync).DisableAntiforgery();
        return app;
    }

    private static async Task StreamAsync(long number, HttpContext http, RapportDbContext db, TicketChanges changes, TicketPresence presence)
    {
        var actor = Actor.FromPrincipal(http.User);
        if (!await db.Tickets.VisibleTo(actor, db).AnyAsync(t => t.Number == number, http.RequestAborted))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        await http.Response.WriteAsync(": connected\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);

        presence.Report(number, actor.UserId!.Value, actor.Name, PresenceState.Viewing);
        try
        {
            using var timer = new PeriodicTimer(Heartbeat);
            var heartbeat = timer.WaitForNextTickAsync(http.RequestAborted).AsTask();
            await using var listening = changes.ListenAsync(number, http.RequestAborted).GetAsyncEnumerator(http.RequestAborted);
            var next = listening.MoveNextAsync().AsTask();
            while (!http.RequestAborted.IsCancellationRequested)
            {
                var done = await Task.WhenAny(next, heartbeat);
                if (done == heartbeat)
                {
                    if (!await heartbeat) break;
                    presence.Report(number, actor.UserId!.Value, actor.Name, PresenceState.Viewing);
                    await http.Response.WriteAsync(": still here\n\n", http.RequestAborted);
                    heartbeat = timer.WaitForNextTickAsync(http.RequestAborted).AsTask();
                }
                else
                {
                    if (!await next) break;
                    var name = listening.Current == TicketChangeKind.Presence ? "presence" : "changed";
                    await http.Response.WriteAsync($"event: {name}\ndata: {number}\n\n", http.RequestAborted);
                    next = listening.MoveNextAsync().AsTask();
                }
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed the stream: that is how a visit ends.
        }
        finally
        {
            presence.Leave(number, actor.UserId!.Value);
        }
    }

    private static async Task<Results<RazorComponentResult<TicketTimeline>, NotFound>> TimelineAsync(
        long number, HttpContext http, ReadTicket read, bool history = false)
    {
        var actor = Actor.FromPrincipal(http.User);
        var messages = await read.MessagesAsync(number, actor, null, null, http.RequestAborted);
        if (!messages.Succeeded) return TypedResults.NotFound();
        var events = history ? (await read.AuditAsync(number, actor, null, null, http.RequestAborted)).Value?.Items ?? [] : [];
        return new RazorComponentResult<TicketTimeline>(new { Messages = messages.Value!.Items, TicketNumber = number, Events = events });
    }

    private static RazorComponentResult<PresenceNotice> Presence(long number, HttpContext http, TicketPresence presence) =>
        new(new { Colleagues = presence.Others(number, Actor.FromPrincipal(http.User).UserId!.Value) });

    private static async Task<NoContent> TypingAsync(long number, HttpContext http, IAntiforgery antiforgery, TicketPresence presence)
    {
        await antiforgery.ValidateRequestAsync(http);
        var actor = Actor.FromPrincipal(http.User);
        presence.Report(number, actor.UserId!.Value, actor.Name, PresenceState.Typing);
        return TypedResults.NoContent();
    }
}
