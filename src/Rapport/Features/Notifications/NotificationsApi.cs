using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Notifications;

public static class NotificationsApi
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services
        .AddScoped<Notify>()
        .AddScoped<MyNotifications>()
        .AddScoped<MyNoticePreferences>();

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/v1/me/notifications").WithTags("Notifications").RequireAuthorization(Policies.Staff);
        mine.MapGet("/", ListAsync).WithName("MyNotifications").WithSummary("My notifications, newest first (unread=true for the unread ones)");
        mine.MapPost("/{id:long}/read", ReadAsync).WithName("ReadNotification").WithSummary("Mark one of my notifications read");
        mine.MapPost("/read", ReadAllAsync).WithName("ReadAllNotifications").WithSummary("Mark all my notifications read");

        var settings = app.MapGroup("/api/v1/me/notification-settings").WithTags("Notifications").RequireAuthorization(Policies.Staff);
        settings.MapGet("/", async (MyNoticePreferences preferences, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await preferences.ReadAsync(Actor.FromPrincipal(http.User), ct)))
            .WithName("MyNotificationSettings").WithSummary("Which notices I get by email (assigned to me, my customer replied, I was mentioned)");
        settings.MapPut("/", SaveSettingsAsync).WithName("SaveMyNotificationSettings").WithSummary("Choose which notices I get by email");
        return app;
    }

    private static async Task<Results<Ok<Page<NotificationDto>>, ProblemHttpResult>> ListAsync(
        MyNotifications notifications, HttpContext http, CancellationToken ct, bool unread = false, int? limit = null, string? cursor = null) =>
        (await notifications.ListAsync(Actor.FromPrincipal(http.User), unread, limit, cursor, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(long id, MyNotifications notifications, HttpContext http, CancellationToken ct)
    {
        var read = await notifications.ReadAsync(id, Actor.FromPrincipal(http.User), ct);
        return read.Succeeded ? TypedResults.NoContent() : read.Error!.ToProblem();
    }

    private static async Task<Results<Ok<NoticePreferencesDto>, ProblemHttpResult>> SaveSettingsAsync(
        NoticePreferencesRequest request, MyNoticePreferences preferences, HttpContext http, CancellationToken ct) =>
        (await preferences.SaveAsync(Actor.FromPrincipal(http.User), request, ct)).ToOk();

    private static async Task<NoContent> ReadAllAsync(MyNotifications notifications, HttpContext http, CancellationToken ct)
    {
        await notifications.ReadAllAsync(Actor.FromPrincipal(http.User), ct);
        return TypedResults.NoContent();
    }
}
