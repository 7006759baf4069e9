using System.Net;
using System.Net.Http.Json;
using Rapport.Features.People;
using Rapport.Features.Services;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.People;
using Rapport.Tests.ServiceLevels;
using static Rapport.Tests.ServiceLevels.OfferRequests;

namespace Rapport.Tests.Services;

public class ServicesApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Create_ThenStaffReadIt_AndListItInCatalogueOrder(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var calendar = await manager.CreateCalendarAsync();
        var team = await (await app.SignInAsync(Role.Admin)).Client.CreateTeamAsync();
        var name = Unique("Repairs");

        var response = await manager.PostAsJsonAsync("/api/v1/services", NewService($" {name} ", calendar.Id, team.Id, isPublic: false, position: 5));
        var created = await response.ReadAsync<ServiceDto>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/services/{created.Id}", response.Headers.Location?.ToString());
        Assert.Equal((name, "We fix **anything** that leaks.", "Not gas appliances."), (created.Name, created.Description, created.Limits));
        Assert.Equal([Channel.Email, Channel.Phone], created.Channels);
        Assert.Equal((calendar.Id, calendar.Name), (created.Calendar!.Id, created.Calendar.Name));
        Assert.Equal((team.Id, 240, 2400, false, true, 5), (created.Team!.Id, created.FirstResponseMinutes, created.ResolutionMinutes, created.IsPublic, created.IsActive, created.Position));
        Assert.Equivalent(created, await (await agent.GetAsync($"/api/v1/services/{created.Id}")).ReadAsync<ServiceDto>(), strict: true);

        var last = await manager.CreateServiceAsync();
        Assert.True(last.Position > created.Position);
        var first = await manager.CreateServiceAsync(NewService(position: 0));
        var list = await (await agent.GetAsync("/api/v1/services")).ReadAsync<List<ServiceDto>>();
        Assert.Equal(list.OrderBy(s => s.Position).ThenBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Id), list.Select(s => s.Id));
        Assert.True(list.FindIndex(s => s.Id == first.Id) < list.FindIndex(s => s.Id == created.Id));
        await (await agent.GetAsync("/api/v1/services/999999999")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Create_WithInvalidInput_NamesTheField(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var existing = await manager.CreateServiceAsync();
        Task<HttpResponseMessage> PostAsync(object body) => manager.PostAsJsonAsync("/api/v1/services", body);

        await (await PostAsync(NewService(calendarId: 999_999_999))).InvalidAsync("calendarId");
        await (await PostAsync(NewService(teamId: 999_999_999))).InvalidAsync("teamId");
        await (await PostAsync(NewService(name: existing.Name.ToUpperInvariant()))).InvalidAsync("name");
        await (await PostAsync(NewService(position: -1))).InvalidAsync("position");
        await (await PostAsync(new { name = Unique("Fax"), channels = new[] { "fax" } })).InvalidAsync("channels[0]");
        await (await PostAsync(new { name = Unique("Silent"), channels = Array.Empty<string>() })).InvalidAsync("channels");
        await (await PostAsync(new { name = Unique("Slow"), channels = new[] { "web" }, firstResponseMinutes = 600, resolutionMinutes = 60 }))
            .InvalidAsync("resolutionMinutes");
        await (await PostAsync(new { name = Unique("Instant"), channels = new[] { "web" }, firstResponseMinutes = 0 })).InvalidAsync("firstResponseMinutes");
        await (await PostAsync(new { name = Unique("Wordy"), channels = new[] { "web" }, limits = new string('x', 8001) })).InvalidAsync("limits");
        await (await PostAsync(new { name = Unique("Public"), channels = new[] { "web" }, isPublic = "yes" })).InvalidAsync("isPublic");
    }

    [Theory, Providers]
    public async Task Update_Retire_AndReinstate_AreAudited_AndTheActiveFilterFollows(Db db)
    {
        var app = await fixture.For(db);
        var (managerUser, manager) = await app.SignInAsync(Role.Manager);
        var service = await manager.CreateServiceAsync();

        var changed = await (await manager.PatchJsonAsync($"/api/v1/services/{service.Id}", new { channels = new[] { "chat" }, limits = (string?)null, resolutionMinutes = (int?)null }))
            .ReadAsync<ServiceDto>();
        Assert.Equal([Channel.Chat], changed.Channels);
        Assert.Equal((null, null, 240), (changed.Limits, changed.ResolutionMinutes, changed.FirstResponseMinutes));
        var retired = await (await manager.PatchJsonAsync($"/api/v1/services/{service.Id}", new { isActive = false })).ReadAsync<ServiceDto>();
        Assert.False(retired.IsActive);

        var active = await (await manager.GetAsync("/api/v1/services?active=true")).ReadAsync<List<ServiceDto>>();
        var inactive = await (await manager.GetAsync("/api/v1/services?active=false")).ReadAsync<List<ServiceDto>>();
        Assert.DoesNotContain(active, s => s.Id == service.Id);
        Assert.Contains(inactive, s => s.Id == service.Id);
        Assert.All(inactive, s => Assert.False(s.IsActive));
        await (await manager.PatchJsonAsync($"/api/v1/services/{service.Id}", new { isActive = true })).ReadAsync<ServiceDto>();
        await (await manager.PatchJsonAsync($"/api/v1/services/{service.Id}", new { isActive = (bool?)null })).InvalidAsync("isActive");
        await (await manager.PatchJsonAsync($"/api/v1/services/{service.Id}", new { name = (string?)null })).InvalidAsync("name");
        await (await manager.PatchJsonAsync($"/api/v1/services/{service.Id}", new { firstResponseMinutes = 999_999_999 })).InvalidAsync("firstResponseMinutes");
        await (await manager.PatchJsonAsync("/api/v1/services/999999999", new { name = "x" })).ProblemAsync(HttpStatusCode.NotFound);

        var audit = await manager.AuditAsync("services", service.Id);
        Assert.Equal(["created", "updated", "retired", "reinstated"], audit.Select(a => a.Event.Action));
        Assert.All(audit, a => Assert.Equal(managerUser.Id, a.Event.ActorUserId));
        Assert.Equal("email, phone", audit[1].Changes["channels"]!["before"]!.GetValue<string>());
        Assert.Equal("chat", audit[1].Changes["channels"]!["after"]!.GetValue<string>());
        Assert.Equal("Not gas appliances.", audit[1].Changes["limits"]!["before"]!.GetValue<string>());
        Assert.Null(audit[1].Changes["limits"]!["after"]);
        Assert.Equal(["isActive"], audit[2].Changes.Select(c => c.Key));
    }

    [Theory, Providers]
    public async Task Offer_ShowsOnlyPublicActiveServices_InWords_ToAnyone(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var calendar = await manager.CreateCalendarAsync();
        var published = await manager.CreateServiceAsync(NewService(calendarId: calendar.Id));
        var aroundTheClock = await manager.CreateServiceAsync(new { name = Unique("Hotline"), channels = new[] { "phone" }, firstResponseMinutes = 30 });
        var internalOnly = await manager.CreateServiceAsync(NewService(isPublic: false));
        var retired = await manager.CreateServiceAsync();
        await (await manager.PatchJsonAsync($"/api/v1/services/{retired.Id}", new { isActive = false })).ReadAsync<ServiceDto>();

        foreach (var client in new[] { app.AnonymousClient(), customer, manager })
        {
            var offer = await (await client.GetAsync("/api/v1/offer")).ReadAsync<List<OfferedServiceDto>>();
            Assert.DoesNotContain(offer, s => s.Id == internalOnly.Id || s.Id == retired.Id);
            var repairs = offer.Single(s => s.Id == published.Id);
            Assert.Equal([Channel.Email, Channel.Phone], repairs.Channels);
            Assert.Equal(new OfferedServiceDto(published.Id, published.Name, published.Description, published.Included, published.Limits,
                repairs.Channels, "Mon–Fri 09:00–12:30 and 13:30–17:00; closed on holidays", "Europe/London",
                "within 4 working hours", "within 40 working hours"), repairs);
            var hotline = offer.Single(s => s.Id == aroundTheClock.Id);
            Assert.Equal(("Open around the clock, every day", null, "within 30 minutes", null), (hotline.Hours, hotline.TimeZone, hotline.FirstResponse, hotline.Resolution));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/services")).StatusCode);
    }
}
