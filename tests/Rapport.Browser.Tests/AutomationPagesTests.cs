using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.Automation;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

/// <summary>Managers write automation rules in admin; tickets then get what the rules do, and their history says so.</summary>
public class AutomationPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Manager_CreatesAVipRule_FixesTheActionMissingItsValue_AndANewVipTicketGetsThePriorityAndTheNote()
    {
        var manager = await fixture.App.CreateUserAsync(Role.Manager);
        var page = await fixture.SignedInPageAsync(manager);
        var name = "VIP triage " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Automation" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a rule" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("When a ticket is created").CheckAsync();
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add a condition to \"all of\"" }));
        await page.GetByLabel("Field (all of, condition 1)").SelectOptionAsync("tags");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Update operators" }));
        await page.GetByLabel("Operator (all of, condition 1)").SelectOptionAsync("includes_any");
        await page.GetByLabel("Value (all of, condition 1)").FillAsync("vip");
        await page.GetByLabel("Do (action 1)").SelectOptionAsync("set_priority");
        await page.GetByLabel("Priority (action 1)").SelectOptionAsync("urgent");
        await Assertions.Expect(page.GetByLabel("Status (action 1)")).ToBeHiddenAsync();
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add an action" }));
        await page.GetByLabel("Do (action 2)").SelectOptionAsync("add_note");
        await Assertions.Expect(page.GetByLabel("Text (action 2)")).ToBeVisibleAsync();
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }));

        // The missing note is named in the summary and beside the second action; the first keeps its choices.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Action 2, value");
        await Assertions.Expect(page.Locator("[data-action='1'] .field-error")).ToContainTextAsync("Give the text");
        await Assertions.Expect(page.Locator("[data-action='0'] .field-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Text (action 2)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Priority (action 1)")).ToHaveValueAsync("urgent");
        await page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Action 2, value" }).ClickAsync();
        // The summary's link leads to the box on this page, without loading it afresh.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/automation/new#f-actions-1-value$"));
        await Assertions.Expect(page.GetByLabel("Text (action 2)")).ToHaveAttributeAsync("id", "f-actions-1-value");
        await Assertions.Expect(page.GetByLabel("Text (action 2)")).ToBeInViewportAsync();
        await page.GetByLabel("Text (action 2)").FillAsync("VIP customer: call them back within the hour.");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/automation/[0-9]+\\?done=created$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Automation" }).First.ClickAsync();
        var row = page.Locator("[data-rule-row]", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("When a ticket is created");
        await Assertions.Expect(row).ToContainTextAsync("Tags includes any vip");
        await Assertions.Expect(row).ToContainTextAsync("Set priority to urgent; add an internal note");

        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var api = fixture.App.ClientFor(agent);
        var created = await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Our order has not arrived", body = "It was due yesterday.", tags = new[] { "vip" },
            requester = new { email = RapportApp.UniqueEmail("vip"), name = "Vera Important" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await created.Content.ReadFromJsonAsync<TicketDto>(Json.Options))!.Number;
        var ticket = (await api.GetFromJsonAsync<TicketDto>($"/api/v1/tickets/{number}", Json.Options))!;
        Assert.Equal(Priority.Urgent, ticket.Priority);
        var messages = (await api.GetFromJsonAsync<Page<MessageDto>>($"/api/v1/tickets/{number}/messages", Json.Options))!;
        Assert.Contains(messages.Items, m => m.Visibility == MessageVisibility.Internal && m.BodyText.Contains("call them back", StringComparison.Ordinal));

        var history = await fixture.SignedInPageAsync(agent);
        await history.GotoAsync($"/agent/tickets/{number}?history=true");
        await Assertions.Expect(history.Locator("[data-audit-event='automation_ran']")).ToContainTextAsync($"Automation rule “{name}” ran: applied");
        await Assertions.Expect(history.Locator("[data-audit-event='updated']")).ToContainTextAsync($"Automation: {name} changed priority: normal → urgent");
    }

    [Fact]
    public async Task Manager_MovesARuleUp_DeactivatesOne_AndDeletesOneAfterConfirming()
    {
        var manager = await fixture.App.CreateUserAsync(Role.Manager);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var first = await CreateRuleAsync(manager, $"First {tag}", tag);
        var second = await CreateRuleAsync(manager, $"Second {tag}", tag);
        var page = await fixture.SignedInPageAsync(manager);
        await page.GotoAsync("/admin/automation");
        var rows = page.Locator("[data-rule-row]");
        Assert.True(await IndexOfAsync(rows, first.Id) < await IndexOfAsync(rows, second.Id));

        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = $"move Second {tag} up" }));
        Assert.Equal(await IndexOfAsync(rows, first.Id) - 1, await IndexOfAsync(rows, second.Id));

        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = $"Deactivate First {tag}" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rule deactivated");
        await Assertions.Expect(page.Locator($"[data-rule-row='{first.Id}']")).ToContainTextAsync("Inactive");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Activate First {tag}" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Delete… Second {tag}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Delete “Second {tag}”?" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-rule-row='{second.Id}']")).ToHaveCountAsync(1);
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rule deleted.");
        await Assertions.Expect(page.Locator($"[data-rule-row='{second.Id}']")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.App.ClientFor(manager).GetAsync($"/api/v1/automation-rules/{second.Id}")).StatusCode);
        var kept = (await fixture.App.ClientFor(manager).GetFromJsonAsync<AutomationRuleDto>($"/api/v1/automation-rules/{first.Id}", Json.Options))!;
        Assert.False(kept.IsActive);
    }

    [Fact]
    public async Task AutomationPages_HaveNoSeriousAccessibilityViolations_OnDesktopAndPhone()
    {
        var manager = await fixture.App.CreateUserAsync(Role.Manager);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var rule = await CreateRuleAsync(manager, $"Stale requests {tag}", tag, scheduled: true);

        foreach (var width in new[] { 1280, 360 })
        {
            var page = await fixture.SignedInPageAsync(manager, width);
            foreach (var (url, name) in new[]
            {
                ("/admin/automation", "admin-automation"), ($"/admin/automation?delete={rule.Id}#delete", "admin-automation-delete"),
                ("/admin/automation/new", "admin-automation-new"), ($"/admin/automation/{rule.Id}", "admin-automation-rule"),
            })
            {
                await page.GotoAsync(url);
                await BrowserFixture.AssertAccessibleAsync(page);
                await BrowserFixture.ScreenshotAsync(page, $"{name}-{width}");
            }

            // A refused form: every problem is announced, linked to its box, and repeated beside it.
            await page.GotoAsync("/admin/automation/new");
            await page.GetByLabel("Every five minutes, for tickets that match").CheckAsync();
            await page.GetByLabel("Do (action 1)").SelectOptionAsync("notify");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add an action" }));
            await page.GetByLabel("Do (action 2)").SelectOptionAsync("set_team");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }));
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Action 1, value");
            await page.GetByLabel("To (action 1)").SelectOptionAsync("assignee");
            await page.GetByLabel("Text (action 1)").FillAsync("A request has waited a week.");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }));
            var alert = page.GetByRole(AriaRole.Alert);
            await Assertions.Expect(alert).ToContainTextAsync("Name");
            await Assertions.Expect(alert).ToContainTextAsync("Conditions");
            await Assertions.Expect(alert).ToContainTextAsync("Action 2, value");
            await Assertions.Expect(page.Locator("[data-action='1'] .field-error")).ToContainTextAsync("Give a team id or 'none'.");
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, $"admin-automation-refused-{width}");
        }
    }

    private async Task<AutomationRuleDto> CreateRuleAsync(TestUser manager, string name, string tag, bool scheduled = false)
    {
        var response = await fixture.App.ClientFor(manager).PostAsJsonAsync("/api/v1/automation-rules", new
        {
            name,
            trigger = scheduled ? "scheduled" : "ticket_updated",
            conditions = new
            {
                all = scheduled
                    ? new object[] { new { field = "tags", @operator = "includes_any", value = tag }, new { field = "updated_at", @operator = "older_than", value = "7d" } }
                    : [new { field = "tags", @operator = "includes_any", value = tag }],
            },
            actions = new object[]
            {
                new { type = "reply", value = "We have not heard back, so we are closing this request." }, new { type = "set_status", value = "solved" },
                new { type = "add_tags", value = new[] { "stale", "auto" } }, new { type = "notify", value = new { to = "team", text = "Closed a stale request" } },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AutomationRuleDto>(Json.Options))!;
    }

    private static async Task<int> IndexOfAsync(ILocator rows, long id) =>
        (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.ruleRow)")).ToList().IndexOf(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
