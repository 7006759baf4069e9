using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

/// <summary>Advice on a reply's tone as the agent writes, and the phrase lists a manager keeps.</summary>
public class ToneTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ANegativePhrase_GetsAKinderSuggestion_ButTheReplyStillGoes()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var created = await fixture.App.ClientFor(agent).PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Refund for order 7", body = "I want my money back.", channel = "phone",
            requester = new { email = RapportApp.UniqueEmail("tone"), name = "Toni Tone" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await created.Content.ReadFromJsonAsync<TicketDto>(Json.Options))!.Number;
        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync($"/agent/tickets/{number}");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).PressSequentiallyAsync("As I said, we can't refund this!!");
        var hints = page.Locator("[data-tone-hints]");
        await Assertions.Expect(hints).ToContainTextAsync("Could this sound kinder?");
        await Assertions.Expect(hints.Locator("[data-tone-finding='phrase']")).ToHaveCountAsync(2);
        await Assertions.Expect(hints).ToContainTextAsync("what we can do is");
        await Assertions.Expect(hints.Locator("[data-tone-finding='exclamations']")).ToHaveCountAsync(1);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message.public").Last).ToContainTextAsync("we can't refund this");
    }

    [Fact]
    public async Task AManager_EditsTheGermanList_ALineWithoutSuggestion_IsNamed()
    {
        var manager = await fixture.App.CreateUserAsync(Role.Manager);
        var page = await fixture.SignedInPageAsync(manager);
        await page.GotoAsync("/admin/tone");
        await page.GetByLabel("Language").SelectOptionAsync("de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#phrases-title")).ToHaveTextAsync("German (de) phrases (Rapport's own)");
        await BrowserFixture.AssertAccessibleAsync(page);

        var list = page.GetByLabel("Phrases, one a line");
        await list.FillAsync("geht nicht => Sagen, was geht.\n\nnur eine Phrase");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Line 2:");
        await Assertions.Expect(list).ToHaveValueAsync("geht nicht => Sagen, was geht.\nnur eine Phrase");
        await BrowserFixture.AssertAccessibleAsync(page);

        await list.FillAsync("geht nicht => Sagen, was geht.");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Phrase list saved.");
        await Assertions.Expect(page.Locator("#phrases-title")).ToHaveTextAsync("German (de) phrases");
        await BrowserFixture.ScreenshotAsync(page, "admin-tone");

        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Restore Rapport's list" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rapport's own list is back.");
        await Assertions.Expect(list).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Sie haben vergessen => "));
    }
}
