using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Features.ServiceLevels.Calendars;
using Rapport.Features.ServiceLevels.Policies;
using Rapport.Features.Services;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

/// <summary>Managers set up the service offer (calendars, services, SLA policies) in admin; customers read it in the portal.</summary>
public class ServiceOfferPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Manager_SetsUpACalendarWithALunchBreakAndAHoliday_AServiceOnIt_AndAPolicy_ThenACustomerSeesTheOffer()
    {
        var manager = await fixture.App.CreateUserAsync(Role.Manager);
        var page = await fixture.SignedInPageAsync(manager);
        var tag = Guid.NewGuid().ToString("N")[..6];

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Workspace" }).GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        var adminNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" });
        await Assertions.Expect(adminNav.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);

        await adminNav.GetByRole(AriaRole.Link, new() { Name = "Calendars" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a calendar" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Office {tag}");
        await page.GetByLabel("Closes (Monday, range 1)").FillAsync("12:30");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add a range on Monday" }));
        await page.GetByLabel("Opens (Monday, range 2)").FillAsync("13:30");
        await page.GetByLabel("Closes (Monday, range 2)").FillAsync("12:00");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add a holiday" }));
        await page.GetByLabel("Date (holiday 1)").FillAsync("2025-12-25");
        await page.GetByLabel("Name (holiday 1)").FillAsync("Christmas Day");
        await page.GetByLabel("Every year (holiday 1)").CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Monday, range 2, closes");
        await Assertions.Expect(page.GetByLabel("Date (holiday 1)")).ToHaveValueAsync("2025-12-25");
        await page.GetByLabel("Closes (Monday, range 2)").FillAsync("17:00");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/calendars/[0-9]+\\?done=created$"));
        await Assertions.Expect(page.Locator("[data-calendar-summary]")).ToHaveTextAsync("Mon 09:00–12:30 and 13:30–17:00; Tue–Fri 09:00–17:00; closed on holidays");

        await adminNav.GetByRole(AriaRole.Link, new() { Name = "Services" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a service" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Home repairs {tag}");
        await page.GetByLabel("Description").FillAsync("We fix **anything** that leaks.");
        await page.GetByLabel("What is included").FillAsync("- Call-out\n- Parts up to £50");
        await page.GetByLabel("Limits").FillAsync("Not gas appliances.");
        await page.GetByLabel("Email", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Phone", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Hours", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Office {tag}" });
        await page.GetByLabel("First response (minutes)").FillAsync("240");
        await page.GetByLabel("Resolution (minutes)").FillAsync("2400");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Preview" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Preview of description" }).Locator("strong")).ToHaveTextAsync("anything");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add service" }));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/services/[0-9]+\\?done=created$"));
        await Assertions.Expect(page.Locator(".service-note")).ToContainTextAsync("first response within 4 working hours; resolution within 40 working hours");
        await Assertions.Expect(page.Locator(".service-note")).ToContainTextAsync("Not gas appliances.");

        await adminNav.GetByRole(AriaRole.Link, new() { Name = "SLA policies" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a policy" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Urgent or VIP {tag}");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add a condition to \"any of\"" }));
        await page.GetByLabel("Field (any of, condition 1)").SelectOptionAsync("tags");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Update operators" }));
        await page.GetByLabel("Operator (any of, condition 1)").SelectOptionAsync("includes_any");
        await page.GetByLabel("Value (any of, condition 1)").FillAsync("vip, press");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add a condition to \"any of\"" }));
        await page.GetByLabel("Field (any of, condition 2)").SelectOptionAsync("channel");
        await page.GetByLabel("Value (any of, condition 2)").FillAsync("phone");
        await page.GetByLabel("First response (minutes)").FillAsync("60");
        await page.GetByLabel("Resolution (minutes)").FillAsync("480");
        await page.GetByLabel("In business hours (resolution)").UncheckAsync();
        await page.GetByLabel("Business hours", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Office {tag}" });
        await page.GetByLabel("Warn at (percent)").FillAsync("75");
        await page.GetByLabel("Escalate at a breach").CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create policy" }));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/sla-policies/[0-9]+\\?done=created$"));

        await page.GotoAsync("/admin/calendars");
        await Assertions.Expect(page.Locator("[data-calendar-row]", new() { HasText = $"Office {tag}" })).ToContainTextAsync("Europe/London");
        await page.GotoAsync("/admin/services");
        var service = page.Locator("[data-service-row]", new() { HasText = $"Home repairs {tag}" });
        await Assertions.Expect(service).ToContainTextAsync("Active");
        await Assertions.Expect(service).ToContainTextAsync("Public");
        await Assertions.Expect(service).ToContainTextAsync("first response within 4 working hours");
        await page.GotoAsync("/admin/sla-policies");
        var policy = page.Locator("[data-policy-row]", new() { HasText = $"Urgent or VIP {tag}" });
        await Assertions.Expect(policy).ToContainTextAsync("Priority at least high and (Tags includes any vip, press or Channel is phone)");
        await Assertions.Expect(policy).ToContainTextAsync("First response within 1 working hour");
        await Assertions.Expect(policy).ToContainTextAsync("Resolution within 8 hours");

        var customer = await fixture.App.CreateUserAsync(Role.Customer);
        var portal = await fixture.SignedInPageAsync(customer, 360);
        await portal.GetByRole(AriaRole.Navigation, new() { Name = "Portal" }).GetByRole(AriaRole.Link, new() { Name = "Our services" }).ClickAsync();
        var offered = portal.Locator("article.offer-service", new() { HasText = $"Home repairs {tag}" });
        await Assertions.Expect(offered).ToContainTextAsync("Email, Phone");
        await Assertions.Expect(offered).ToContainTextAsync("Mon 09:00–12:30 and 13:30–17:00; Tue–Fri 09:00–17:00; closed on holidays (Europe/London time)");
        await Assertions.Expect(offered).ToContainTextAsync("within 4 working hours");
        await Assertions.Expect(offered).ToContainTextAsync("Not gas appliances.");
        await Assertions.Expect(offered.Locator("li")).ToHaveTextAsync(["Call-out", "Parts up to £50"]);
    }

    [Fact]
    public async Task ServiceOfferPages_HaveNoSeriousAccessibilityViolations_OnDesktopAndPhone()
    {
        var manager = await fixture.App.CreateUserAsync(Role.Manager);
        var customer = await fixture.App.CreateUserAsync(Role.Customer);
        var api = fixture.App.ClientFor(manager);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var calendar = await CreatedAsync<CalendarDto>(await api.PostAsJsonAsync("/api/v1/calendars", new
        {
            name = $"Shop {tag}", timeZone = "Europe/London",
            weeklyHours = new { monday = new[] { "09:00-12:00", "13:00-17:30" }, saturday = new[] { "10:00-13:00" } },
            holidays = new[] { new { date = "2025-12-25", name = "Christmas Day", repeatsYearly = true } },
        }));
        var service = await CreatedAsync<ServiceDto>(await api.PostAsJsonAsync("/api/v1/services", new
        {
            name = $"Billing {tag}", description = "Questions about **your bill**.", included = "- Refunds\n- Payment plans", limits = "No tax advice.",
            channels = new[] { "email", "chat" }, calendarId = calendar.Id, firstResponseMinutes = 120, resolutionMinutes = 960,
        }));
        var policy = await CreatedAsync<SlaPolicyDto>(await api.PostAsJsonAsync("/api/v1/sla-policies", new
        {
            name = $"Complaints {tag}", calendarId = calendar.Id,
            conditions = new { all = new[] { new { field = "type", @operator = "is", value = "complaint" } } },
            targets = new[] { new { metric = "first_response", minutes = 240, businessHours = true } },
        }));

        foreach (var width in new[] { 1280, 360 })
        {
            var page = await fixture.SignedInPageAsync(manager, width);
            var pages = new[]
            {
                ("/admin", "admin-manager"), ("/admin/calendars", "admin-calendars"), ("/admin/calendars/new", "admin-calendar-new"),
                ($"/admin/calendars/{calendar.Id}", "admin-calendar"), ("/admin/services", "admin-services"), ("/admin/services/new", "admin-service-new"),
                ($"/admin/services/{service.Id}", "admin-service"), ("/admin/sla-policies", "admin-sla-policies"),
                ("/admin/sla-policies/new", "admin-sla-policy-new"), ($"/admin/sla-policies/{policy.Id}", "admin-sla-policy"),
            };
            foreach (var (url, name) in pages)
            {
                await page.GotoAsync(url);
                if (await page.Locator("details.admin-details").CountAsync() > 0) await page.Locator("details.admin-details summary").ClickAsync();
                await BrowserFixture.AssertAccessibleAsync(page);
                await BrowserFixture.ScreenshotAsync(page, $"{name}-{width}");
            }

            // Refused forms: every problem is announced and linked to its box.
            await page.GotoAsync("/admin/calendars/new");
            await page.GetByLabel("Opens (Tuesday, range 1)").FillAsync("18:00");
            await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }));
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tuesday, range 1, closes");
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, $"admin-calendar-refused-{width}");
            await page.GotoAsync("/admin/services/new");
            await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add service" }));
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Channels");
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, $"admin-service-refused-{width}");
            await page.GotoAsync("/admin/sla-policies/new");
            await page.GetByLabel("Value (all of, condition 1)").FillAsync("sky-high");
            await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create policy" }));
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("\"all of\" condition 1, value");
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, $"admin-sla-policy-refused-{width}");

            var portal = await fixture.SignedInPageAsync(customer, width);
            await portal.GotoAsync("/portal/services");
            await Assertions.Expect(portal.Locator("article.offer-service", new() { HasText = $"Billing {tag}" })).ToContainTextAsync("within 2 working hours");
            await BrowserFixture.AssertAccessibleAsync(portal);
            await BrowserFixture.ScreenshotAsync(portal, $"portal-services-{width}");
            var visitor = await fixture.NewPageAsync(width);
            await visitor.GotoAsync("/portal/services");
            await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Sign in to ask us" })).ToBeVisibleAsync();
            await BrowserFixture.AssertAccessibleAsync(visitor);
        }
    }

    [Fact]
    public async Task AManager_CannotOpenUserAdministration_AndAnAgent_CannotOpenTheOfferAdmin()
    {
        var manager = await fixture.SignedInPageAsync(await fixture.App.CreateUserAsync(Role.Manager));
        foreach (var url in new[] { "/admin/users", "/admin/teams", "/admin/users/new" })
        {
            await manager.GotoAsync(url);
            await BrowserFixture.ArrivedAtAsync(manager, "**/forbidden**");
        }
        var agent = await fixture.SignedInPageAsync(await fixture.App.CreateUserAsync(Role.Agent));
        await Assertions.Expect(agent.GetByRole(AriaRole.Navigation, new() { Name = "Workspace" }).GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);
        foreach (var url in new[] { "/admin", "/admin/calendars", "/admin/services/new", "/admin/sla-policies" })
        {
            await agent.GotoAsync(url);
            await BrowserFixture.ArrivedAtAsync(agent, "**/forbidden**");
        }
    }

    private static Task SubmitAsync(IPage page, ILocator button) => BrowserFixture.SubmitAsync(page, button);

    private static async Task<T> CreatedAsync<T>(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;
    }
}
