using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

public class ComplaintPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Agent_TakesAComplaintThroughItsStages_ToSolved()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var created = await fixture.App.ClientFor(agent).PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Charged twice for March",
            body = "You took the payment twice and I want it back.",
            type = "complaint",
            assigneeId = agent.Id,
            requester = new { email = RapportApp.UniqueEmail("complainant"), name = "Alex Complainant" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticket = (await created.Content.ReadFromJsonAsync<TicketDto>(Json.Options))!;
        var page = await fixture.SignedInPageAsync(agent);
        var panel = page.Locator("[data-complaint-panel]");
        var current = panel.Locator(".complaint-steps [aria-current='step']");

        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Complaint" })).ToBeVisibleAsync();
        await Assertions.Expect(current).ToContainTextAsync("Received");
        await Assertions.Expect(panel.Locator("[data-deadline='acknowledgement']")).ToContainTextAsync("left");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "complaint-panel-received");

        await panel.GetByRole(AriaRole.Button, new() { Name = "Record acknowledgement" }).ClickAsync();
        await Assertions.Expect(current).ToContainTextAsync("Acknowledged");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Start investigating" }).ClickAsync();
        await Assertions.Expect(current).ToContainTextAsync("Investigating");

        // Deciding without a root cause and remedy is refused on the complaint page, which says why.
        await panel.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("missing: root cause, remedy, decision");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Complaint on #{ticket.Number}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "complaint-form-refused");

        await page.GetByLabel("Root cause").SelectOptionAsync(new SelectOptionValue { Label = "Charges or fees" });
        await page.GetByLabel("Remedy").FillAsync("Refund of the second payment and £20 for the trouble.");
        await page.GetByLabel("Upheld", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Internal notes on the decision").FillAsync("Duplicate card capture on 3 March.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, url => url.EndsWith($"/agent/tickets/{ticket.Number}", StringComparison.Ordinal) || url.EndsWith("#complaint", StringComparison.Ordinal));
        await Assertions.Expect(current).ToContainTextAsync("Decided");

        await panel.GetByRole(AriaRole.Button, new() { Name = "Record final response sent" }).ClickAsync();
        await Assertions.Expect(current).ToContainTextAsync("Responded");
        await Assertions.Expect(panel.Locator("[data-deadline='final_response']")).ToContainTextAsync("Met");

        // Solving before the customer has answered is refused, with the reason.
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("solved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("missing: the customer's response");

        await panel.GetByLabel("Accepted the remedy").CheckAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Record the customer's answer" }).ClickAsync();
        await Assertions.Expect(panel.Locator(".complaint-ready")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "complaint-panel-ready");

        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("solved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".badge.status-solved").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ComplaintsListAndSettings_AreAccessible_AndFitAPhone()
    {
        var manager = await fixture.App.CreateUserAsync(Role.Manager);
        var api = fixture.App.ClientFor(manager);
        var created = await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Engineer never came",
            body = "I took a day off for nothing.",
            type = "complaint",
            requester = new { email = RapportApp.UniqueEmail("waiting"), name = "Kim Waiting" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        foreach (var width in new[] { 1280, 360 })
        {
            var page = await fixture.SignedInPageAsync(manager, width);
            await page.GotoAsync("/agent/complaints");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Engineer never came" })).ToBeVisibleAsync();
            await AssertPageAsync(page, $"complaints-list-{width}");

            await page.GotoAsync("/admin/deadlines");
            await Assertions.Expect(page.Locator("[data-deadline-rule='complaint_final_response']")).ToContainTextAsync("8 weeks");
            await AssertPageAsync(page, $"deadlines-{width}");

            await page.GotoAsync("/admin/complaints");
            await Assertions.Expect(page.Locator("[data-root-cause='charges_fees']")).ToBeVisibleAsync();
            await AssertPageAsync(page, $"complaint-settings-{width}");
        }

        var admin = await fixture.SignedInPageAsync(manager);
        await admin.GotoAsync("/admin/deadlines/complaint_acknowledgement");
        await admin.GetByLabel("Length").FillAsync("2");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Deadline saved");
        await Assertions.Expect(admin.Locator("[data-deadline-rule='complaint_acknowledgement']")).ToContainTextAsync("2 business days");
        await admin.GotoAsync("/admin/deadlines/complaint_acknowledgement");
        await admin.GetByLabel("Length").FillAsync("0");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Must be between 1 and");
        await AssertPageAsync(admin, "deadline-rule-refused");

        await admin.GotoAsync("/admin/complaints");
        await admin.GetByLabel("Add a root cause").FillAsync("Missed appointment");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-root-cause='missed_appointment']")).ToBeVisibleAsync();
        await admin.Locator("[data-root-cause='missed_appointment']").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-root-cause='missed_appointment']")).ToContainTextAsync("Retired");
    }

    private static async Task AssertPageAsync(IPage page, string name)
    {
        await BrowserFixture.AssertAccessibleAsync(page);
        // Nothing sideways at 360 px: the page is no wider than the window.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{name} is wider than the window");
        await BrowserFixture.ScreenshotAsync(page, name);
    }
}
