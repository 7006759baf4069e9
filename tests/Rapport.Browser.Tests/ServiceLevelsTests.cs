using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.Conditions;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

/// <summary>An agent sees each ticket's time left, the queue of tickets about to breach, and what they were told.</summary>
public class ServiceLevelsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Agent_SeesTheCountdown_AndTheMostUrgentTicketFirstInBreachingSoon()
    {
        var tag = "bs" + Guid.NewGuid().ToString("N")[..8];
        var tagged = new ConditionSet { All = [Condition.Of("tags", ConditionOperators.IncludesAny, tag)] };
        await SlaSetup.AddPolicyAsync(fixture.App, tagged with { All = [.. tagged.All, Condition.Of("priority", ConditionOperators.Is, "urgent")] },
            null, firstResponse: 10, nextResponse: null, resolution: 120, position: -1);
        await SlaSetup.AddPolicyAsync(fixture.App, tagged, null, firstResponse: 240, nextResponse: null, resolution: 480);
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var api = fixture.App.ClientFor(agent);
        var relaxed = await CreateAsync(api, "Invoice question " + tag, tag, "normal");
        var urgent = await CreateAsync(api, "Water leaking into flat " + tag, tag, "urgent");

        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync("/agent/views/breaching-soon");
        var rows = page.Locator("[data-ticket-row]").Filter(new() { HasText = tag });
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First).ToContainTextAsync("Water leaking into flat");
        await Assertions.Expect(rows.First.Locator(".badge.sla-soon")).ToContainTextAsync("in ");
        await Assertions.Expect(rows.Nth(1).Locator(".badge.sla-ok")).ToContainTextAsync("in ");
        await Assertions.Expect(page.GetByLabel("Order")).ToHaveValueAsync("sla_due");
        await Assertions.Expect(page.Locator("[data-ticket-row]").Filter(new() { HasText = "Broken window" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "breaching-soon");

        await page.GotoAsync($"/agent/tickets/{urgent}");
        var levels = page.GetByRole(AriaRole.Region, new() { Name = "Service levels" });
        await Assertions.Expect(levels.Locator("[data-sla-metric='first_response']")).ToContainTextAsync("running");
        await Assertions.Expect(levels.Locator("[data-sla-metric='first_response']")).ToContainTextAsync("target 10 min");
        await Assertions.Expect(levels.Locator("[data-sla-metric='resolution']")).ToContainTextAsync("target 2 h");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "ticket-sla");

        // A public reply meets the first-response target; the ticket leaves the top of the queue to the other one.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("A plumber is on the way.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(levels.Locator("[data-sla-metric='first_response']")).ToContainTextAsync("met");
        Assert.NotEqual(0, relaxed);
    }

    [Fact]
    public async Task NotificationsPage_ListsWhatTheAgentWasTold_AndOpeningOneMarksItRead()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var number = await CreateAsync(fixture.App.ClientFor(agent), "Broken window", "glass", "high");
        await fixture.App.WithScopeAsync(async services =>
        {
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Features.Notifications.Notify>(services)
                .People([agent.Id], "referred", $"#{number} was referred to you: needs a glazier", number, null);
            return await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Rapport.Data.RapportDbContext>(services).SaveChangesAsync();
        });

        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync("/agent/notifications");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Notifications (1)" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "notifications");
        await page.GetByRole(AriaRole.Link, new() { Name = $"#{number} was referred to you: needs a glazier" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, $"**/agent/tickets/{number}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Notifications", Exact = true })).ToBeVisibleAsync();
    }

    private static async Task<long> CreateAsync(HttpClient api, string subject, string tag, string priority)
    {
        var response = await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject,
            body = "Please help.",
            priority,
            tags = new[] { tag },
            requester = new { email = RapportApp.UniqueEmail("sla"), name = "Dana" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketDto>(Rapport.Tests.Infrastructure.Json.Options))!.Number;
    }
}
