using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

public class SearchTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Agent_PressesSlash_TypesPartOfAWord_SeesTheTicketAsTheyType_AndOpensIt()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var api = fixture.App.ClientFor(agent);
        var word = "boiler" + Guid.NewGuid().ToString("N")[..8];
        var ticket = await OpenAsync(api, $"The {word} makes a banging noise", "It started after the service visit.");
        var page = await fixture.SignedInPageAsync(agent);

        await page.GotoAsync("/agent");
        await page.Keyboard.PressAsync("/");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search tickets and customers" });
        await Assertions.Expect(box).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(word[..^3]);

        var found = page.Locator($"[data-quick-ticket='{ticket.Number}']");
        await Assertions.Expect(found).ToBeVisibleAsync();
        await Assertions.Expect(found.Locator("mark").First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await box.PressAsync("ArrowDown");
        await Assertions.Expect(found).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/agent/tickets/{ticket.Number}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(word);
    }

    [Fact]
    public async Task TheResultsPage_ShowsMarkedPassages_AndAFacetNarrowsTheResults_OnADeskAndAPhone()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var api = fixture.App.ClientFor(agent);
        var word = "invoice" + Guid.NewGuid().ToString("N")[..8];
        var open = await OpenAsync(api, "Charged twice", $"My {word} shows the same amount twice.");
        var pending = await OpenAsync(api, "Refund please", $"Please refund the second {word} payment.");
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/tickets/{pending.Number}", new { status = "pending" })).StatusCode);

        foreach (var width in new[] { 1280, 360 })
        {
            var page = await fixture.SignedInPageAsync(agent, width);
            await page.GotoAsync("/agent");
            var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search tickets and customers" });
            await box.FillAsync(word);
            await Assertions.Expect(page.Locator("[data-quick-results]")).ToBeVisibleAsync();
            await box.PressAsync("Enter");

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/agent/search\\?q="));
            var results = page.Locator("[data-ticket-result]");
            await Assertions.Expect(results).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator($"[data-ticket-result='{open.Number}'] .snippet mark")).ToHaveTextAsync(word);
            await BrowserFixture.AssertAccessibleAsync(page);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"The page is wider than {width} px");
            await BrowserFixture.ScreenshotAsync(page, $"search-results-{width}");

            await page.Locator("[data-facet='status:pending']").ClickAsync();
            await Assertions.Expect(results).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator($"[data-ticket-result='{pending.Number}']")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("Words, \"phrases\", -excluded and fields")).ToHaveValueAsync($"{word} status:pending");
        }
    }

    [Fact]
    public async Task ACustomer_SearchesTheirOwnRequests_AndFindsNeitherNotesNorOthersRequests()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var customer = await fixture.App.CreateUserAsync(Role.Customer);
        var api = fixture.App.ClientFor(agent);
        var word = "meter" + Guid.NewGuid().ToString("N")[..8];
        var mine = await OpenAsync(api, "Meter reading", $"My {word} shows a strange number.", customer.CustomerId);
        var note = await api.PostAsJsonAsync($"/api/v1/tickets/{mine.Number}/messages", new { body = $"Internal: {word} swap needed, secretnote", visibility = "internal" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        var theirs = await OpenAsync(api, "Someone else's meter", $"Another {word} question.");
        var page = await fixture.SignedInPageAsync(customer, 360);

        await page.GotoAsync("/portal");
        await page.GetByLabel("Search my requests and help articles").FillAsync(word);
        await page.GetByLabel("Search my requests and help articles").PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-request-result]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"[data-request-result='{mine.Number}'] .snippet mark")).ToHaveTextAsync(word);
        await Assertions.Expect(page.Locator($"[data-request-result='{theirs.Number}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("secretnote");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page is wider than 360 px");
        await page.GetByLabel("Search my requests and help articles").FillAsync("secretnote");
        await page.GetByLabel("Search my requests and help articles").PressAsync("Enter");
        await Assertions.Expect(page.GetByText("None of your requests mention")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Agent_SearchesAMisspeltWord_SeesDidYouMean_ClicksIt_AndSeesTheTicket()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var api = fixture.App.ClientFor(agent);
        var letters = new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());
        var word = $"parcel{letters}";
        var ticket = await OpenAsync(api, $"Where is my {word}?", "It should have arrived on Monday.");
        var page = await fixture.SignedInPageAsync(agent);

        await page.GotoAsync($"/agent/search?q={Uri.EscapeDataString($"pracel{letters}")}");

        var suggestion = page.Locator("[data-did-you-mean] a");
        await Assertions.Expect(suggestion).ToHaveTextAsync(word);
        await Assertions.Expect(page.Locator("[data-did-you-mean]")).ToContainTextAsync("Did you mean");
        await BrowserFixture.AssertAccessibleAsync(page);
        await suggestion.ClickAsync();

        await Assertions.Expect(page.GetByLabel("Words, \"phrases\", -excluded and fields")).ToHaveValueAsync(word);
        await Assertions.Expect(page.Locator($"[data-ticket-result='{ticket.Number}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-did-you-mean]")).ToHaveCountAsync(0);
    }

    private static async Task<TicketDto> OpenAsync(HttpClient api, string subject, string body, long? requesterId = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/tickets", requesterId is null
            ? new { subject, body, requester = (object?)new { email = RapportApp.UniqueEmail("search"), name = "Sasha Search" }, requesterId }
            : new { subject, body, requester = (object?)null, requesterId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketDto>(Json.Options))!;
    }
}
