using Rapport.Features.Access;
using Rapport.Features.People;

namespace Rapport.Features.Notifications;

/// <summary>Following a notification marks it read and opens the ticket it is about.</summary>
public static class NotificationLinks
{
    public static IEndpointRouteBuilder MapNotificationLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/agent/notifications/{id:long}/open", OpenAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> OpenAsync(long id, MyNotifications notifications, HttpContext http, CancellationToken ct)
    {
        var read = await notifications.ReadAsync(id, Actor.FromPrincipal(http.User), ct);
        return read is { Succeeded: true, Value: { } ticket } ? Results.Redirect($"/agent/tickets/{ticket}") : Results.Redirect("/agent/notifications");
    }
}
