using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

/// <summary>Two agents on one ticket: each sees the other, and a reply appears for both without a reload.</summary>
public class LiveTicketTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SecondAgent_SeesCollisionNotice_AndFirstAgentsReplyArrivesWithoutReload()
    {
        var first = await fixture.App.CreateUserAsync(Role.Agent);
        var second = await fixture.App.CreateUserAsync(Role.Agent);
        var response = await fixture.App.ClientFor(first).PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Two agents, one customer",
            body = "Who will answer me?",
            requester = new { email = RapportApp.UniqueEmail("both"), name = "Sam Both" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = (await response.Content.ReadFromJsonAsync<TicketDto>(Json.Options))!;
        var firstName = await fixture.App.WithDbAsync(async db => (await db.Users.FindAsync(first.Id))!.DisplayName);

        var firstPage = await fixture.SignedInPageAsync(first);
        await firstPage.GotoAsync($"/agent/tickets/{ticket.Number}");
        var secondPage = await fixture.SignedInPageAsync(second);
        await secondPage.GotoAsync($"/agent/tickets/{ticket.Number}");

        await Assertions.Expect(secondPage.Locator("#presence")).ToContainTextAsync($"{firstName} is also viewing this ticket");

        await firstPage.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).PressSequentiallyAsync("Hello Sam, ");
        await Assertions.Expect(secondPage.Locator("#presence")).ToContainTextAsync($"{firstName} is writing a reply");
        await BrowserFixture.ScreenshotAsync(secondPage, "collision-notice");

        var marker = await secondPage.EvaluateAsync<string>("() => { window.__notReloaded = 'yes'; return window.__notReloaded; }");
        await firstPage.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("Hello Sam, I am on it.");
        await firstPage.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Assertions.Expect(secondPage.Locator("#timeline .message.public").Last).ToContainTextAsync("I am on it.");
        Assert.Equal(marker, await secondPage.EvaluateAsync<string>("() => window.__notReloaded"));
    }
}
