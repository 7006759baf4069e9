using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Features.Notifications;
using Rapport.Features.People;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Notifications;

public class NotificationsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static Task NotifyAsync(RapportApp app, Guid userId, int count, Guid? actor = null) => app.WithScopeAsync(async services =>
    {
        var notify = services.GetRequiredService<Notify>();
        for (var i = 0; i < count; i++) notify.People([userId], "referred", $"Notice {i}", ticketNumber: 1000 + i, actor);
        return await services.GetRequiredService<RapportDbContext>().SaveChangesAsync();
    });

    [Theory, Providers]
    public async Task MyNotifications_NewestFirst_PagedByCursor_AndMarkedReadOneOrAll(Db db)
    {
        var app = await fixture.For(db);
        var (me, client) = await app.SignInAsync(Role.Agent);
        await NotifyAsync(app, me.Id, 3);

        var first = await (await client.GetAsync("/api/v1/me/notifications?limit=2")).ReadAsync<Page<NotificationDto>>();
        Assert.Equal(["Notice 2", "Notice 1"], first.Items.Select(n => n.Text));
        var second = await (await client.GetAsync($"/api/v1/me/notifications?limit=2&cursor={first.NextCursor}")).ReadAsync<Page<NotificationDto>>();
        Assert.Equal(["Notice 0"], second.Items.Select(n => n.Text));
        Assert.Null(second.NextCursor);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/me/notifications/{first.Items[0].Id}/read", null)).StatusCode);
        var unread = await (await client.GetAsync("/api/v1/me/notifications?unread=true")).ReadAsync<Page<NotificationDto>>();
        Assert.Equal(["Notice 1", "Notice 0"], unread.Items.Select(n => n.Text));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/me/notifications/read", null)).StatusCode);
        Assert.Empty((await (await client.GetAsync("/api/v1/me/notifications?unread=true")).ReadAsync<Page<NotificationDto>>()).Items);
    }

    [Theory, Providers]
    public async Task SomeoneElsesNotification_IsNotFound_AndNobodyIsToldOfTheirOwnAction(Db db)
    {
        var app = await fixture.For(db);
        var (owner, _) = await app.SignInAsync(Role.Agent);
        var (_, stranger) = await app.SignInAsync(Role.Agent);
        await NotifyAsync(app, owner.Id, 1);
        await NotifyAsync(app, owner.Id, 1, actor: owner.Id);
        var id = await app.WithDbAsync(d => Task.FromResult(d.Notifications.Single(n => n.UserId == owner.Id).Id));

        await (await stranger.PostAsync($"/api/v1/me/notifications/{id}/read", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync("/api/v1/me/notifications?limit=0")).InvalidAsync("limit");
        await (await stranger.GetAsync("/api/v1/me/notifications?cursor=nonsense")).InvalidAsync("cursor");
    }
}
