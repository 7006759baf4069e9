using System.Net;
using System.Net.Http.Json;
using Rapport.Features.People;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.People;
using static Rapport.Tests.ServiceLevels.OfferRequests;

namespace Rapport.Tests.ServiceLevels;

public class CalendarsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Create_WithALunchBreakAndAHoliday_ThenStaffReadAndListIt(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var name = Unique("Office");

        var response = await manager.PostAsJsonAsync("/api/v1/calendars", OfficeCalendar($" {name} "));
        var created = await response.ReadAsync<CalendarDto>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/calendars/{created.Id}", response.Headers.Location?.ToString());
        Assert.Equal((name, "Europe/London"), (created.Name, created.TimeZone));
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], created.WeeklyHours.Keys);
        Assert.Equal(["09:00-12:30", "13:30-17:00"], created.WeeklyHours["friday"]);
        Assert.Empty(created.WeeklyHours["saturday"]);
        Assert.Equal([new HolidayDto(new DateOnly(2025, 12, 25), "Christmas Day", true)], created.Holidays);
        Assert.Equal("Mon–Fri 09:00–12:30 and 13:30–17:00; closed on holidays", created.Summary);
        Assert.Equivalent(created, await (await agent.GetAsync($"/api/v1/calendars/{created.Id}")).ReadAsync<CalendarDto>(), strict: true);
        var list = await (await agent.GetAsync("/api/v1/calendars")).ReadAsync<List<CalendarDto>>();
        Assert.Contains(list, c => c.Id == created.Id);
        Assert.Equal(list.Select(c => c.Name).Order(StringComparer.Ordinal), list.Select(c => c.Name));
        await (await agent.GetAsync("/api/v1/calendars/999999999")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Create_WithInvalidInput_NamesTheField(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var existing = await manager.CreateCalendarAsync();
        Task<HttpResponseMessage> PostAsync(object body) => manager.PostAsJsonAsync("/api/v1/calendars", body);
        object Calendar(string? name = null, string timeZone = "Europe/London", object? weeklyHours = null, object? holidays = null) =>
            new { name = name ?? Unique("Bad"), timeZone, weeklyHours = weeklyHours ?? new { monday = new[] { "09:00-17:00" } }, holidays };

        await (await PostAsync(Calendar(timeZone: "Europe/Londres"))).InvalidAsync("timeZone");
        await (await PostAsync(Calendar(timeZone: ""))).InvalidAsync("timeZone");
        await (await PostAsync(Calendar(weeklyHours: new { monday = new[] { "09:00-17:00", "12:00-13:00" } }))).InvalidAsync("weeklyHours.monday[1].start");
        await (await PostAsync(Calendar(weeklyHours: new { tuesday = new[] { "17:00-09:00" } }))).InvalidAsync("weeklyHours.tuesday[0].end");
        await (await PostAsync(Calendar(weeklyHours: new { monday = new[] { "9am-5pm" } }))).InvalidAsync("weeklyHours.monday[0]");
        await (await PostAsync(Calendar(weeklyHours: new { funday = new[] { "09:00-17:00" } }))).InvalidAsync("weeklyHours.funday");
        await (await PostAsync(Calendar(weeklyHours: new { monday = Array.Empty<string>() }))).InvalidAsync("weeklyHours");
        await (await PostAsync(new { name = Unique("No hours"), timeZone = "UTC" })).InvalidAsync("weeklyHours");
        await (await PostAsync(Calendar(holidays: new[] { new { name = "Dateless" } }))).InvalidAsync("holidays[0].date");
        await (await PostAsync(Calendar(holidays: new[] { new { date = "2025-02-30", name = "Never" } }))).InvalidAsync("holidays[0].date");
        await (await PostAsync(Calendar(holidays: new[] { new { date = "2025-12-25", name = "" } }))).InvalidAsync("holidays[0].name");
        await (await PostAsync(Calendar(holidays: new object[]
        {
            new { date = "2024-12-25", name = "Christmas", repeatsYearly = true }, new { date = "2026-12-25", name = "Christmas again" },
        }))).InvalidAsync("holidays[1].date");
        await (await PostAsync(Calendar(name: existing.Name.ToUpperInvariant()))).InvalidAsync("name");
        await (await PostAsync(Calendar(name: " "))).InvalidAsync("name");

        var all = await (await PostAsync(new { name = "", timeZone = "Mars/Olympus", weeklyHours = new { monday = new[] { "x" } } })).InvalidAsync("name");
        Assert.Equal(["name", "timeZone", "weeklyHours.monday[0]"], all["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Theory, Providers]
    public async Task Update_ChangesOnlyWhatIsSent_ReplacesHolidays_AndAuditsBeforeAndAfter(Db db)
    {
        var app = await fixture.For(db);
        var (managerUser, manager) = await app.SignInAsync(Role.Manager);
        var calendar = await manager.CreateCalendarAsync();
        var other = await manager.CreateCalendarAsync();

        var moved = await (await manager.PatchJsonAsync($"/api/v1/calendars/{calendar.Id}", new { timeZone = "America/New_York" })).ReadAsync<CalendarDto>();
        Assert.Equal("America/New_York", moved.TimeZone);
        Assert.Equal(calendar.WeeklyHours["monday"], moved.WeeklyHours["monday"]);
        Assert.Equal(calendar.Holidays, moved.Holidays);

        var changed = await (await manager.PatchJsonAsync($"/api/v1/calendars/{calendar.Id}", new
        {
            weeklyHours = new { saturday = new[] { "10:00-24:00" } },
            holidays = new object[]
            {
                new { date = "2025-12-25", name = "Christmas Day (office shut)", repeatsYearly = true },
                new { date = "2026-01-01", name = "New Year's Day" },
            },
        })).ReadAsync<CalendarDto>();
        Assert.Equal("Sat 10:00–24:00; closed on holidays", changed.Summary);
        Assert.Equal(["Christmas Day (office shut)", "New Year's Day"], changed.Holidays.Select(h => h.Name));
        var cleared = await (await manager.PatchJsonAsync($"/api/v1/calendars/{calendar.Id}", new { holidays = (object?)null })).ReadAsync<CalendarDto>();
        Assert.Empty(cleared.Holidays);

        await (await manager.PatchJsonAsync($"/api/v1/calendars/{calendar.Id}", new { name = other.Name })).InvalidAsync("name");
        await (await manager.PatchJsonAsync($"/api/v1/calendars/{calendar.Id}", new { timeZone = (string?)null })).InvalidAsync("timeZone");
        await (await manager.PatchJsonAsync($"/api/v1/calendars/{calendar.Id}", new { weeklyHours = new { sunday = new[] { "10:00-09:00" } } }))
            .InvalidAsync("weeklyHours.sunday[0].end");
        await (await manager.PatchJsonAsync("/api/v1/calendars/999999999", new { name = "x" })).ProblemAsync(HttpStatusCode.NotFound);

        var audit = await manager.AuditAsync("calendars", calendar.Id);
        Assert.Equal(["created", "updated", "updated", "updated"], audit.Select(a => a.Event.Action));
        Assert.All(audit, a => Assert.Equal(managerUser.Id, a.Event.ActorUserId));
        Assert.Equal("Europe/London", audit[1].Changes["timeZone"]!["before"]!.GetValue<string>());
        Assert.Equal("America/New_York", audit[1].Changes["timeZone"]!["after"]!.GetValue<string>());
        Assert.Equal("2025-12-25 Christmas Day, yearly", audit[2].Changes["holidays"]!["before"]!.GetValue<string>());
        Assert.Contains("saturday\":[\"10:00-24:00\"]", audit[2].Changes["weeklyHours"]!["after"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Delete_IsRefusedWhileAServiceOrPolicyUsesTheCalendar_ThenDeletesAndAudits(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var calendar = await manager.CreateCalendarAsync();
        var service = await manager.CreateServiceAsync(NewService(calendarId: calendar.Id));
        var policy = await manager.CreatePolicyAsync(NewPolicy(calendarId: calendar.Id));

        var refused = await (await manager.DeleteAsync($"/api/v1/calendars/{calendar.Id}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("1 service and 1 SLA policy", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await manager.PatchJsonAsync($"/api/v1/services/{service.Id}", new { calendarId = (long?)null })).ReadAsync<object>();
        await (await manager.DeleteAsync($"/api/v1/calendars/{calendar.Id}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/sla-policies/{policy.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/calendars/{calendar.Id}")).StatusCode);
        await (await manager.GetAsync($"/api/v1/calendars/{calendar.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.DeleteAsync($"/api/v1/calendars/{calendar.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        var audit = await manager.AuditAsync("calendars", calendar.Id);
        Assert.Equal(["created", "deleted"], audit.Select(a => a.Event.Action));
        Assert.Equal(calendar.Name, audit[1].Changes["name"]!["before"]!.GetValue<string>());
    }
}
