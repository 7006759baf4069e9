using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

public class AgentWorkspaceTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<TicketDto> CreateTicketAsync(HttpClient api, string subject, string body, string? name = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject,
            body,
            channel = "phone",
            requester = new { email = RapportApp.UniqueEmail("caller"), name = name ?? "Pat Caller" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketDto>(Rapport.Tests.Infrastructure.Json.Options))!;
    }

    [Fact]
    public async Task Agent_FindsUnassignedTicket_AssignsItself_AndReplies()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var ticket = await CreateTicketAsync(fixture.App.ClientFor(agent), "Boiler makes a banging noise", "It started this morning.");
        var page = await fixture.SignedInPageAsync(agent);

        await page.GotoAsync("/agent/views/unassigned");
        await page.GetByRole(AriaRole.Link, new() { Name = "Boiler makes a banging noise" }).First.ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, $"**/agent/tickets/{ticket.Number}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Boiler makes a banging noise");
        await BrowserFixture.ScreenshotAsync(page, "ticket-page");

        await page.GetByLabel("Assignee").SelectOptionAsync(new SelectOptionValue { Label = (await NameOfAsync(agent)) });
        // The select shows the choice before the save lands: wait for the page the post comes back to. (The rail's
        // counts are kept up to 30 s, so they do not prove the save: Views/Saved/README.md.)
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        await Assertions.Expect(page.GetByLabel("Assignee")).ToHaveValueAsync(agent.Id.ToString());

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("An engineer will call you **today**.");
        await page.GetByLabel("Then set status").SelectOptionAsync("pending");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message.public").Last).ToContainTextAsync("An engineer will call you today.");
        await Assertions.Expect(page.Locator(".message.public strong").Last).ToHaveTextAsync("today");
        await Assertions.Expect(page.Locator(".badge.status-pending").First).ToBeVisibleAsync();

        await page.GotoAsync("/agent/views/my-open");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Boiler makes a banging noise" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "my-open-view");
    }

    [Fact]
    public async Task RefusedTransition_ShowsWhy()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var ticket = await CreateTicketAsync(fixture.App.ClientFor(agent), "Solve me without an owner", "Please.");
        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("solved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("needs an assignee");
    }

    [Fact]
    public async Task XssPayloads_RenderAsText_AndNoScriptRuns()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        const string payload = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"><a href=\"javascript:window.__pwned=3\">link</a>";
        var ticket = await CreateTicketAsync(fixture.App.ClientFor(agent), "Subject " + payload, "Body " + payload + " [md](javascript:alert(1))", name: "Name " + payload);
        var page = await fixture.SignedInPageAsync(agent);
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };

        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("<script>");
        foreach (var link in await page.Locator("a").AllAsync()) await link.ClickAsync(new() { Trial = true, Force = true, Timeout = 1000 }).ContinueWith(_ => { });
        await page.GotoAsync("/agent/views/unassigned");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(0, dialogs);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, await page.Locator("a[href^='javascript:']").CountAsync());
    }

    [Fact]
    public async Task Customer_CannotOpenTheAgentWorkspace()
    {
        var customer = await fixture.App.CreateUserAsync(Role.Customer);
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var ticket = await CreateTicketAsync(fixture.App.ClientFor(agent), "Someone else's problem", "Private");
        var page = await fixture.SignedInPageAsync(customer);
        var response = await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        await BrowserFixture.ArrivedAtAsync(page, "**/forbidden**");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("can't open");
        Assert.DoesNotContain("Someone else's problem", await page.ContentAsync());
        Assert.NotNull(response);
    }

    [Fact]
    public async Task MainPages_HaveNoSeriousAccessibilityViolations_OnDesktopAndPhone()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var ticket = await CreateTicketAsync(fixture.App.ClientFor(agent), "Accessible ticket", "Check me");
        foreach (var width in new[] { 1280, 360 })
        {
            var anonymous = await fixture.NewPageAsync(width);
            await anonymous.GotoAsync("/signin");
            await BrowserFixture.AssertAccessibleAsync(anonymous);
            await BrowserFixture.ScreenshotAsync(anonymous, $"signin-{width}");

            var page = await fixture.SignedInPageAsync(agent, width);
            foreach (var (url, name) in new[] { ("/agent/views/unassigned", "views"), ($"/agent/tickets/{ticket.Number}", "ticket") })
            {
                await page.GotoAsync(url);
                await BrowserFixture.AssertAccessibleAsync(page);
                await BrowserFixture.ScreenshotAsync(page, $"{name}-{width}");
            }
        }
    }

    [Fact]
    public async Task Keyboard_MovesInTheList_OpensATicket_AndJumpsToTheComposer()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var api = fixture.App.ClientFor(agent);
        var tag = "keys" + Guid.NewGuid().ToString("N")[..8];
        foreach (var subject in new[] { "Older keyboard ticket", "Newer keyboard ticket" })
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/tickets", new
            {
                subject, body = "Keys", tags = new[] { tag }, requester = new { email = RapportApp.UniqueEmail("keys"), name = "Kim Keys" },
            })).StatusCode);

        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync($"/agent/views/unassigned?tag={tag}");
        await page.Locator("body").PressAsync("j");
        await page.Locator("body").PressAsync("j");
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(page.Locator("[data-ticket-row].selected")).ToContainTextAsync("Newer keyboard ticket");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Newer keyboard ticket");

        await page.Locator("body").PressAsync("r");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Message" })).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).PressAsync("Escape");
        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("Shift+Slash");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task History_ShowsWhoChangedWhat_BetweenTheMessages()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var api = fixture.App.ClientFor(agent);
        var ticket = await CreateTicketAsync(api, "Ticket with a history", "First words");
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/tickets/{ticket.Number}", new { priority = "urgent" }, Json.Options)).StatusCode);

        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        await Assertions.Expect(page.Locator("[data-audit-event]")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Show history" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-audit-event='updated']")).ToContainTextAsync("priority: normal → urgent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unfollow" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AddAsNote_WritesAnInternalNote_EvenWithPublicReplyChecked()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var ticket = await CreateTicketAsync(fixture.App.ClientFor(agent), "Note button ticket", "Hello");
        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("Only for colleagues");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add as note" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message.internal")).ToContainTextAsync("Only for colleagues");
        Assert.Equal(1, await page.Locator(".message.public").CountAsync());
    }

    [Fact]
    public async Task Agent_MentionsAColleagueByTypeAhead_TheColleagueIsNotified_AndTurnsTheEmailOff()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var local = "mira" + Guid.NewGuid().ToString("N")[..8];
        var colleague = await fixture.App.CreateUserAsync(Role.Agent, $"{local}@example.test");
        var ticket = await CreateTicketAsync(fixture.App.ClientFor(agent), "Boiler warranty question", "Is it still covered?");
        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync($"/agent/tickets/{ticket.Number}");

        var message = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await message.PressSequentiallyAsync("Could @" + local[..8]);
        var choice = page.Locator($"[data-mention-choice='{local}']");
        await Assertions.Expect(choice).ToBeVisibleAsync();
        await message.PressAsync("ArrowDown");
        await Assertions.Expect(choice).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(message).ToHaveValueAsync($"Could @{local} ");
        await Assertions.Expect(message).ToBeFocusedAsync();
        await message.PressSequentiallyAsync("check the warranty?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add as note" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message.internal")).ToContainTextAsync($"@{local} check the warranty?");

        var theirs = await fixture.SignedInPageAsync(colleague);
        await theirs.GotoAsync("/agent/notifications");
        await Assertions.Expect(theirs.Locator(".notification-list")).ToContainTextAsync($"#{ticket.Number} Boiler warranty question");
        await Assertions.Expect(theirs.Locator(".notification-list")).ToContainTextAsync("mentioned you in a note");
        var mentionedBox = theirs.GetByLabel("A colleague mentions me in a note");
        await Assertions.Expect(mentionedBox).ToBeCheckedAsync();
        await mentionedBox.UncheckAsync();
        await BrowserFixture.SubmitAsync(theirs, theirs.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        await Assertions.Expect(theirs.GetByRole(AriaRole.Status)).ToContainTextAsync("Your email choices are saved.");
        await Assertions.Expect(theirs.GetByLabel("A colleague mentions me in a note")).Not.ToBeCheckedAsync();
        await Assertions.Expect(theirs.GetByLabel("A ticket is assigned to me")).ToBeCheckedAsync();
        await BrowserFixture.AssertAccessibleAsync(theirs);
        await BrowserFixture.ScreenshotAsync(theirs, "agent-notifications");
    }

    [Fact]
    public async Task TheTicketPage_FitsAPhoneScreen_WithoutSidewaysScrolling()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        // A long unbroken address and subject are what pushed the page wider than the screen.
        var ticket = await CreateTicketAsync(fixture.App.ClientFor(agent), "Subject" + new string('x', 60), "Body");
        var page = await fixture.SignedInPageAsync(agent, width: 360);
        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"#{ticket.Number}");
        var wider = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + (e.id ? '#' + e.id : ''))");
        Assert.True(wider.Length == 0, "Wider than the screen: " + string.Join(", ", wider.Take(10)));
    }

    [Fact]
    public async Task UnknownTicket_Is404_WithAnExplanation()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var page = await fixture.SignedInPageAsync(agent);
        var response = await page.GotoAsync("/agent/tickets/987654321");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ticket not found");
    }

    [Fact]
    public async Task Reply_WithAnAttachment_ShowsItInTheConversation()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var ticket = await CreateTicketAsync(fixture.App.ClientFor(agent), "Please send the form", "Which form do I need?");
        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("Here is the form.");
        await page.GetByLabel("Attach files").SetInputFilesAsync(new FilePayload
        {
            Name = "claim-form.txt",
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Name:\nAddress:\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message.public").Last.GetByRole(AriaRole.Link, new() { Name = "claim-form.txt" })).ToBeVisibleAsync();
    }

    private async Task<string> NameOfAsync(TestUser user) =>
        await fixture.App.WithDbAsync(async db => (await db.Users.FindAsync(user.Id))!.DisplayName);
}
