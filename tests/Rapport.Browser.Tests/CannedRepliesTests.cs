using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.CannedReplies;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

public class CannedRepliesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Agent_InsertsACannedReplyByTypeAhead_WithPlaceholdersFilled_SendsIt_AndItsMacroSetsTheStatus()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var api = fixture.App.ClientFor(agent);
        var token = "k" + Guid.NewGuid().ToString("N")[..8];
        var created = await api.PostAsJsonAsync("/api/v1/canned-replies", new
        {
            title = $"{token} parcel late",
            body = "Hi {{customer.first_name}}, your request #{{ticket.number}} is with us. {{agent.name}}",
            setStatus = "pending",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticketResponse = await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Parcel never arrived",
            body = "Ordered two weeks ago.",
            channel = "phone",
            requester = new { email = RapportApp.UniqueEmail("parcel"), name = "Robin Parcel" },
        });
        var ticket = (await ticketResponse.Content.ReadFromJsonAsync<TicketDto>(Rapport.Tests.Infrastructure.Json.Options))!;
        var page = await fixture.SignedInPageAsync(agent);

        await page.GotoAsync("/agent/canned-replies");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{token} parcel late" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        var message = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await message.PressSequentiallyAsync("#" + token);
        var choice = page.Locator("[data-canned-choice]", new() { HasText = $"{token} parcel late" });
        await Assertions.Expect(choice).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await message.PressAsync("ArrowDown");
        await Assertions.Expect(choice).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var filled = $"Hi Robin, your request #{ticket.Number} is with us. Agent {agent.Email[..8]}";
        await Assertions.Expect(message).ToHaveValueAsync(filled);
        await Assertions.Expect(page.GetByLabel("Canned reply", new() { Exact = true })).ToHaveValueAsync((await IdAsync(created)).ToString());
        await page.GetByLabel("On sending, also set the fields it sets").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Assertions.Expect(page.Locator(".message.public").Last).ToContainTextAsync(filled);
        await Assertions.Expect(page.Locator(".badge.status-pending").First).ToBeVisibleAsync();

        // Without the type-ahead: choose it in the list and "Insert" brings the page back with the text in the box.
        await page.GetByLabel("Canned reply", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{token} parcel late (sets fields)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Insert", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Message" })).ToHaveValueAsync(filled);
        await BrowserFixture.ScreenshotAsync(page, "canned-reply-inserted");
        // With "None" chosen again the form sends as any other reply.
        await page.GetByLabel("Canned reply", new() { Exact = true }).SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        // The customer's message and the two replies. (Expecting two passed at once, before the post came back.)
        await Assertions.Expect(page.Locator(".message.public")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".message.public").Last).ToContainTextAsync(filled);
    }

    [Fact]
    public async Task Agent_WritesACannedReplyInTheForm_AnUnknownPlaceholderIsShownOnTheText_ThenDeletesIt()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var token = "k" + Guid.NewGuid().ToString("N")[..8];
        var page = await fixture.SignedInPageAsync(agent, width: 360);

        await page.GotoAsync("/agent/canned-replies/new");
        await page.GetByLabel("Title").FillAsync($"{token} welcome");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Hello {{customer.frist_name}}");
        await page.GetByLabel("Language").FillAsync("en");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create canned reply" }));
        await Assertions.Expect(page.Locator(".field-error")).ToContainTextAsync("Unknown placeholder {{customer.frist_name}}");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Hello {{customer.first_name}}");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create canned reply" }));
        await page.GetByRole(AriaRole.Link, new() { Name = $"{token} welcome" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Text", new() { Exact = true })).ToHaveValueAsync("Hello {{customer.first_name}}");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Delete this canned reply" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Canned replies");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{token} welcome" })).ToHaveCountAsync(0);
    }

    private static async Task<long> IdAsync(HttpResponseMessage created) =>
        (await created.Content.ReadFromJsonAsync<CannedReplyDto>(Rapport.Tests.Infrastructure.Json.Options))!.Id;
}
