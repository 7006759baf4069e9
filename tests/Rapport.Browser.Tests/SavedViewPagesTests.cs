using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

/// <summary>An agent saves a view of their own, finds it in the rail with its count, and opens it.</summary>
public class SavedViewPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task CreateTicketAsync(HttpClient api, string subject, string priority) =>
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject, body = "Please look.", priority, requester = new { email = RapportApp.UniqueEmail("billing"), name = "Bo Billing" },
        })).StatusCode);

    [Fact]
    public async Task Agent_SavesUrgentBilling_SeesItInTheRailWithItsCount_AndOpensIt()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var api = fixture.App.ClientFor(agent);
        await CreateTicketAsync(api, "Double charged on my invoice", "urgent");
        await CreateTicketAsync(api, "Question about my last bill", "normal");
        var page = await fixture.SignedInPageAsync(agent);

        await page.GotoAsync("/agent");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Views" }).GetByRole(AriaRole.Link, new() { Name = "New view" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New view");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create view" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Name");
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Urgent billing");
        await page.GetByLabel("Field (all of, condition 1)").SelectOptionAsync("priority");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Update operators" }));
        await page.GetByLabel("Operator (all of, condition 1)").SelectOptionAsync("is");
        await page.GetByLabel("Value (all of, condition 1)").FillAsync("urgent");
        await page.GetByLabel("Show Type").CheckAsync();
        await page.GetByLabel("Order of Type").FillAsync("2");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create view" }));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/agent/views/[0-9]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Urgent billing");

        var rail = page.GetByRole(AriaRole.Navigation, new() { Name = "Views" });
        var link = rail.GetByRole(AriaRole.Link, new() { Name = "Urgent billing" });
        await Assertions.Expect(link).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(link.Locator(".count")).ToHaveTextAsync("1");
        await Assertions.Expect(rail.GetByRole(AriaRole.Heading, new() { Name = "Mine" })).ToBeVisibleAsync();

        await page.GotoAsync("/agent");
        await rail.GetByRole(AriaRole.Link, new() { Name = "Urgent billing" }).ClickAsync();
        var list = page.Locator("table[data-ticket-list]");
        await Assertions.Expect(list.GetByRole(AriaRole.Link, new() { Name = "Double charged on my invoice" })).ToBeVisibleAsync();
        await Assertions.Expect(list).Not.ToContainTextAsync("Question about my last bill");
        // Its own columns in its order: type shares 2 with the subject, and a tie keeps the form's order.
        await Assertions.Expect(list.Locator("thead th").Nth(2)).ToHaveTextAsync("Subject");
        await Assertions.Expect(list.Locator("thead th").Nth(3)).ToHaveTextAsync("Type");
        await BrowserFixture.AssertAccessibleAsync(page);

        var phone = await fixture.SignedInPageAsync(agent, width: 360);
        foreach (var url in new[] { page.Url, page.Url + "/edit" })
        {
            await phone.GotoAsync(url);
            await BrowserFixture.WaitUntilSettledAsync(phone);
            await BrowserFixture.AssertAccessibleAsync(phone);
            // Nothing sideways at 360 px: the page is no wider than the window (a wide table scrolls in its own box).
            var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{url} is wider than the window");
        }
        await BrowserFixture.ScreenshotAsync(phone, "saved-view-form-360");
    }
}
