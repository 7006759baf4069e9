using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

public class WorkloadTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private sealed record Crew(TeamDto Team, TestUser Admin, TestUser Lead, TestUser Absent, TestUser Colleague);

    /// <summary>A round-robin team: a lead who does not take tickets, an agent with three open tickets and a colleague with none.</summary>
    private async Task<Crew> CrewAsync()
    {
        var app = fixture.App;
        var admin = await app.CreateUserAsync(Role.Admin);
        var api = app.ClientFor(admin);
        var team = await (await api.PostAsJsonAsync("/api/v1/teams", new { name = "Deliveries " + Guid.NewGuid().ToString("N")[..6] }))
            .Content.ReadFromJsonAsync<TeamDto>(Json.Options);
        await api.PatchAsJsonAsync($"/api/v1/teams/{team!.Id}", new { assignmentMethod = "round_robin" });
        var lead = await app.CreateUserAsync(Role.TeamLead, RapportApp.UniqueEmail("lea"));
        var absent = await app.CreateUserAsync(Role.Agent, RapportApp.UniqueEmail("ann"));
        var colleague = await app.CreateUserAsync(Role.Agent, RapportApp.UniqueEmail("ben"));
        foreach (var member in new[] { lead, absent, colleague })
            Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsync($"/api/v1/teams/{team.Id}/members/{member.Id}", null)).StatusCode);
        await app.ClientFor(lead).PutAsJsonAsync($"/api/v1/users/{lead.Id}/availability", new { availability = "offline" });
        for (var i = 1; i <= 3; i++)
        {
            var created = await api.PostAsJsonAsync("/api/v1/tickets", new
            {
                subject = $"Parcel {i} has not arrived",
                body = "The tracking page has said 'out for delivery' since Monday.",
                teamId = team.Id,
                assigneeId = absent.Id,
                requester = new { email = RapportApp.UniqueEmail("parcel"), name = "Pat Parcel" },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        return new Crew(team, admin, lead, absent, colleague);
    }

    private static string NameOf(TestUser user) => $"{user.Role} {user.Email[..8]}";

    private static ILocator Row(IPage page, TestUser user) => page.Locator($"tr[data-agent='{user.Id}']");

    [Fact]
    public async Task Lead_RecordsAnAbsence_AndSeesTheAgentsTicketsRedistributed_ThenSendsThemBackToTheQueue()
    {
        var crew = await CrewAsync();
        var page = await fixture.SignedInPageAsync(crew.Lead);

        await BrowserFixture.SuperviseAsync(page, "Workload");
        await Assertions.Expect(Row(page, crew.Absent).Locator("[data-open]")).ToHaveTextAsync("3");
        await Assertions.Expect(Row(page, crew.Colleague).Locator("[data-open]")).ToHaveTextAsync("0");
        await Assertions.Expect(Row(page, crew.Absent).Locator("[data-load]")).ToHaveTextAsync("6");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "workload-before-absence");

        await BrowserFixture.SuperviseAsync(page, "Absences");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Person").SelectOptionAsync(new SelectOptionValue { Label = NameOf(crew.Absent) });
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Sickness" });
        await page.GetByLabel("Note").FillAsync("Flu; back by Thursday with luck.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record absence" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Absence recorded");
        var recorded = page.Locator("[data-absence-list] tr", new() { HasText = NameOf(crew.Absent) });
        await Assertions.Expect(recorded.Locator("[data-redistributed]")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "absences");

        await BrowserFixture.SuperviseAsync(page, "Workload");
        await Assertions.Expect(Row(page, crew.Absent).Locator("[data-open]")).ToHaveTextAsync("0");
        await Assertions.Expect(Row(page, crew.Absent).Locator("[data-absent]")).ToContainTextAsync("Sickness until");
        await Assertions.Expect(Row(page, crew.Colleague).Locator("[data-open]")).ToHaveTextAsync("3");
        await BrowserFixture.ScreenshotAsync(page, "workload-after-absence");

        await page.GetByRole(AriaRole.Link, new() { Name = NameOf(crew.Colleague) }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-ticket-row]")).ToHaveCountAsync(3);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel($"Select every ticket of {NameOf(crew.Colleague)}").CheckAsync();
        await page.GetByLabel("To", new() { Exact = true }).SelectOptionAsync("none");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reassign selected" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-bulk-updated]")).ToHaveAttributeAsync("data-bulk-updated", "3", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the view" }).ClickAsync();
        await Assertions.Expect(Row(page, crew.Colleague).Locator("[data-open]")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("[data-ticket-row]")).ToHaveCountAsync(0);

        var mobile = await fixture.SignedInPageAsync(crew.Lead, width: 360);
        await mobile.GotoAsync($"/agent/workload?team={crew.Team.Id}&agent={crew.Absent.Id}");
        await BrowserFixture.AssertAccessibleAsync(mobile);
        await BrowserFixture.ScreenshotAsync(mobile, "workload-360");
        await AssertFitsAsync(mobile);
        await mobile.GotoAsync("/agent/absences");
        await BrowserFixture.AssertAccessibleAsync(mobile);
        await BrowserFixture.ScreenshotAsync(mobile, "absences-360");
        await AssertFitsAsync(mobile);
    }

    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{page.Url} scrolls sideways at 360 px.");

    [Fact]
    public async Task Agent_SetsTheirOwnAvailabilityFromTheTopBar()
    {
        var crew = await CrewAsync();
        var page = await fixture.SignedInPageAsync(crew.Colleague);

        var status = page.GetByLabel("Your availability");
        await Assertions.Expect(status).ToHaveValueAsync("available");
        await status.SelectOptionAsync("away");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set your availability" }).ClickAsync();
        await Assertions.Expect(page.Locator(".availability-switch[data-availability='away']")).ToBeVisibleAsync();
        await Assertions.Expect(status).ToHaveValueAsync("away");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Workload" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Admin_SetsTheTeamsMethod_AndAnAgentsSkills()
    {
        var crew = await CrewAsync();
        var page = await fixture.SignedInPageAsync(crew.Admin);

        await page.GotoAsync($"/admin/teams/{crew.Team.Id}");
        await Assertions.Expect(page.GetByLabel("Round robin")).ToBeCheckedAsync();
        await page.GetByLabel("Skills based").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assignment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Assignment saved");
        await Assertions.Expect(page.GetByLabel("Skills based")).ToBeCheckedAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "admin-team-assignment");

        await page.GotoAsync($"/admin/users/{crew.Colleague.Id}");
        await page.GetByLabel("Kind").SelectOptionAsync("language");
        await page.GetByLabel("Value", new() { Exact = true }).FillAsync("english");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add skill" }).ClickAsync();
        await Assertions.Expect(page.Locator("#skill-value-error")).ToContainTextAsync("language tag");
        await page.GetByLabel("Value", new() { Exact = true }).FillAsync("CY");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add skill" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Skill added");
        await Assertions.Expect(page.Locator("[data-skill='language:cy']")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "admin-user-skills");
    }
}
