using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

public class BulkActionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task BulkAssign_FiftyTicketsFromAView_ShowsProgressAndAssignsEveryOne()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var api = fixture.App.ClientFor(agent);
        var tag = "bulk" + Guid.NewGuid().ToString("N")[..8];
        var requester = RapportApp.UniqueEmail("many");
        for (var i = 0; i < 50; i++)
        {
            var created = await api.PostAsJsonAsync("/api/v1/tickets", new
            {
                subject = $"Bulk ticket {i}",
                body = "One of many.",
                tags = new[] { tag },
                requester = new { email = requester, name = "Many Tickets" },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync($"/agent/views/unassigned?tag={tag}&limit=50");
        await Assertions.Expect(page.Locator("[data-ticket-row]")).ToHaveCountAsync(50);
        await page.GetByLabel("Select every ticket on this page").CheckAsync();
        Assert.Equal(50, await page.Locator("input[name='Numbers']:checked").CountAsync());
        await page.GetByLabel("Assign to").SelectOptionAsync("me");
        await page.GetByLabel("Add tag").FillAsync("bulk_done");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to selected" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bulk update" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-bulk-updated]")).ToHaveAttributeAsync("data-bulk-updated", "50", new() { Timeout = 60_000 });
        await BrowserFixture.ScreenshotAsync(page, "bulk-progress");

        var assigned = await (await api.GetAsync("/api/v1/tickets?assignee=me&limit=100")).Content.ReadFromJsonAsync<Page<TicketDto>>(Json.Options);
        var mine = assigned!.Items.Where(t => t.Tags.Contains(tag)).ToList();
        Assert.Equal(50, mine.Count);
        Assert.All(mine, t => Assert.Contains("bulk_done", t.Tags));
    }
}
