using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

public class AdminPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_CreatesUserWithTeamAndGeneratedPassword_WhoSignsIn_ThenChangesRoleAndDeactivates_AndSignInFails()
    {
        var admin = await fixture.App.CreateUserAsync(Role.Admin);
        var teamName = "Billing " + Guid.NewGuid().ToString("N")[..6];
        var team = await fixture.App.ClientFor(admin).PostAsJsonAsync("/api/v1/teams", new { name = teamName });
        Assert.Equal(HttpStatusCode.Created, team.StatusCode);
        var page = await fixture.SignedInPageAsync(admin);
        var email = RapportApp.UniqueEmail("newhire");

        await page.GotoAsync("/admin/users/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Robin Newhire");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Agent" });
        await page.GetByLabel(teamName).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Robin Newhire can sign in now");
        var password = (await page.Locator("#new-password").TextContentAsync())!.Trim();
        Assert.True(password.Length >= 10);

        var newcomer = await SignInAsync(email, password);
        Assert.Contains("/agent", newcomer.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Open Robin Newhire's page" }).ClickAsync();
        await Assertions.Expect(page.Locator("#teams")).ToContainTextAsync(teamName);
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Team lead" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Details saved");
        await Assertions.Expect(page.GetByLabel("Role", new() { Exact = true })).ToHaveValueAsync("team_lead");

        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#new-password")).ToBeVisibleAsync();
        var newPassword = (await page.Locator("#new-password").TextContentAsync())!.Trim();
        Assert.NotEqual(password, newPassword);
        password = newPassword;
        await SignInAsync(email, password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Deactivate…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deactivate Robin Newhire?" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, deactivate" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Deactivated");
        await page.Locator("details.admin-details summary").ClickAsync();
        await Assertions.Expect(page.Locator(".admin-audit")).ToContainTextAsync("isActive");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await page.GetByLabel("Name or email").FillAsync(email);
        await page.GetByLabel("State").SelectOptionAsync("false");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("active=false"));
        var row = page.Locator("[data-user-row]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Team lead");
        await Assertions.Expect(row).ToContainTextAsync("Deactivated");

        var refused = await fixture.NewPageAsync();
        await refused.GotoAsync("/signin");
        await refused.GetByLabel("Email").FillAsync(email);
        await refused.GetByLabel("Password").FillAsync(password);
        await refused.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(refused.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is wrong");
    }

    [Fact]
    public async Task UserDirectory_SearchesAndFiltersByRole_AndPagesWithACursor()
    {
        var admin = await fixture.App.CreateUserAsync(Role.Admin);
        var tag = "p" + Guid.NewGuid().ToString("N")[..5];
        for (var i = 0; i < 26; i++)
            await fixture.App.CreateUserAsync(i == 0 ? Role.Manager : Role.Agent, $"{tag}{i:00}-{Guid.NewGuid():N}@example.test");
        var page = await fixture.SignedInPageAsync(admin);

        await page.GotoAsync("/admin/users");
        await page.GetByLabel("Name or email").FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("search=" + tag));
        await Assertions.Expect(page.Locator("[data-user-row]")).ToHaveCountAsync(25);
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("cursor="));
        await Assertions.Expect(page.Locator("[data-user-row]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "First page" })).ToBeVisibleAsync();

        await page.GotoAsync($"/admin/users?search={tag}&role=manager");
        await Assertions.Expect(page.Locator("[data-user-row]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-user-row]")).ToContainTextAsync("Manager");
    }

    [Fact]
    public async Task Admin_CreatesTeam_SetsItsAim_AddsAndRemovesAMember()
    {
        var admin = await fixture.App.CreateUserAsync(Role.Admin);
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var agentName = await NameOfAsync(agent);
        var teamName = "Repairs " + Guid.NewGuid().ToString("N")[..6];
        var page = await fixture.SignedInPageAsync(admin);

        await page.GotoAsync("/admin/teams/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(teamName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create team" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/teams/[0-9]+\\?done=created$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(teamName);

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Aim" }).FillAsync("Fix what is broken in people's homes within a week.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save team" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Team saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Aim" })).ToHaveValueAsync("Fix what is broken in people's homes within a week.");

        await page.GetByLabel("Add a member").SelectOptionAsync(agent.Id.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-member-list]")).ToContainTextAsync(agentName);

        await page.GotoAsync("/admin/teams");
        var row = page.Locator("[data-team-row]", new() { HasText = teamName });
        await Assertions.Expect(row).ToContainTextAsync("Fix what is broken");
        await Assertions.Expect(row.Locator(".admin-number")).ToHaveTextAsync("1");

        await row.GetByRole(AriaRole.Link, new() { Name = teamName }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove " + agentName }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Member removed");
        await Assertions.Expect(page.Locator("[data-member-list]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task StaffMember_CreatesApiToken_ThatWorks_ThenRevokesIt_AndItStops()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var page = await fixture.SignedInPageAsync(agent);

        await BrowserFixture.OpenMenuAsync(page, "me");
        await page.GetByRole(AriaRole.Link, new() { Name = "API tokens" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/agent/tokens$"));
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Reporting script");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Contains("no-store", await response.HeaderValueAsync("cache-control") ?? "", StringComparison.Ordinal);
        var token = (await page.Locator("code#new-token").TextContentAsync())!.Trim();
        Assert.StartsWith("rpt_", token, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(token));

        await page.GetByRole(AriaRole.Link, new() { Name = "Revoke Reporting script" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revoke “Reporting script”?" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Token revoked");
        await Assertions.Expect(page.Locator("#new-token")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(token));
    }

    [Fact]
    public async Task Admin_RevokesAnotherUsersToken_OnTheirPage()
    {
        var admin = await fixture.App.CreateUserAsync(Role.Admin);
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(agent.Token));
        var page = await fixture.SignedInPageAsync(admin);

        await page.GotoAsync($"/admin/users/{agent.Id}");
        await page.Locator("#tokens").GetByRole(AriaRole.Link, new() { Name = "Revoke tests" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Token revoked");
        await Assertions.Expect(page.Locator("[data-token-row]").First).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(agent.Token));
    }

    [Fact]
    public async Task Admin_CannotDeactivateThemself_AndIsToldWhy()
    {
        var admin = await fixture.App.CreateUserAsync(Role.Admin);
        var page = await fixture.SignedInPageAsync(admin);

        await page.GotoAsync($"/admin/users/{admin.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Deactivate…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, deactivate" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You cannot deactivate yourself");
        await page.GotoAsync($"/admin/users/{admin.Id}");
        await Assertions.Expect(page.Locator("p.row .badge.admin-badge-on")).ToHaveTextAsync("Active");
    }

    [Theory]
    [InlineData(Role.Agent)]
    [InlineData(Role.Customer)]
    public async Task AnAgentOrCustomer_CannotOpenAdminPages(Role role)
    {
        var user = await fixture.App.CreateUserAsync(role);
        var page = await fixture.SignedInPageAsync(user);
        foreach (var url in new[] { "/admin", "/admin/users", "/admin/teams", "/admin/users/new", $"/admin/users/{user.Id}" })
        {
            await page.GotoAsync(url);
            await BrowserFixture.ArrivedAtAsync(page, "**/forbidden**");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("can't open");
        }
    }

    [Fact]
    public async Task AdminAndTokenPages_HaveNoSeriousAccessibilityViolations_OnDesktopAndPhone()
    {
        var admin = await fixture.App.CreateUserAsync(Role.Admin);
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var api = fixture.App.ClientFor(admin);
        var created = await api.PostAsJsonAsync("/api/v1/teams", new { name = "Welcome " + Guid.NewGuid().ToString("N")[..6], aim = "Greet every new customer." });
        var teamId = (await created.Content.ReadFromJsonAsync<TeamDto>(Json.Options))!.Id;
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsync($"/api/v1/teams/{teamId}/members/{agent.Id}", null)).StatusCode);

        foreach (var width in new[] { 1280, 360 })
        {
            var page = await fixture.SignedInPageAsync(admin, width);
            var pages = new[]
            {
                ("/admin", "admin"), ("/admin/users", "admin-users"), ("/admin/users/new", "admin-user-new"),
                ($"/admin/users/{agent.Id}", "admin-user"), ($"/admin/users/{agent.Id}?confirm=deactivate", "admin-user-deactivate"),
                ("/admin/teams", "admin-teams"), ("/admin/teams/new", "admin-team-new"), ($"/admin/teams/{teamId}", "admin-team"),
                ("/agent/tokens", "tokens"),
            };
            foreach (var (url, name) in pages)
            {
                await page.GotoAsync(url);
                if (await page.Locator("details.admin-details").CountAsync() > 0) await page.Locator("details.admin-details summary").ClickAsync();
                await BrowserFixture.AssertAccessibleAsync(page);
                await BrowserFixture.ScreenshotAsync(page, $"{name}-{width}");
            }

            // The pages that show a secret once, and a refused form.
            await page.GotoAsync("/agent/tokens");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Screenshot " + width);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
            await Assertions.Expect(page.Locator("code#new-token")).ToBeVisibleAsync();
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, $"tokens-created-{width}");

            await page.GotoAsync("/admin/users/new");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#email-error")).ToBeVisibleAsync();
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, $"admin-user-new-refused-{width}");
        }
    }

    private async Task<IPage> SignInAsync(string email, string password)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    private async Task<HttpStatusCode> MeStatusAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = fixture.App.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/v1/me");
        return response.StatusCode;
    }

    private async Task<string> NameOfAsync(TestUser user) =>
        await fixture.App.WithDbAsync(async db => (await db.Users.FindAsync(user.Id))!.DisplayName);
}
