using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

public class EscalationPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private Task<long> TeamAsync(string name, params Guid[] members) => fixture.App.WithDbAsync(async db =>
    {
        var team = new Team { Name = name + " " + Guid.NewGuid().ToString("N")[..6], Members = [.. members.Select(m => new TeamMember { UserId = m })] };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    });

    [Fact]
    public async Task Agent_RefersATicket_AndRecordsARefundAboveTheirLimit_WhichAManagerApprovesFromTheApprovalsPage()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var manager = await fixture.App.CreateUserAsync(Role.Manager);
        var billingAgent = await fixture.App.CreateUserAsync(Role.Agent);
        var frontDesk = await TeamAsync("Front desk", agent.Id);
        var billing = await TeamAsync("Billing", agent.Id, billingAgent.Id);
        var tag = "dispute" + Guid.NewGuid().ToString("N")[..6];
        var rule = await fixture.App.ClientFor(manager).PostAsJsonAsync("/api/v1/referral-rules", new
        {
            name = "Billing disputes go to Billing " + tag,
            conditions = new { all = new[] { new { field = "tags", @operator = "includes_any", value = tag } } },
            teamId = billing,
            position = 1,
        });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        var created = await fixture.App.ClientFor(agent).PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Charged twice for March",
            body = "Please refund the second payment.",
            teamId = frontDesk,
            assigneeId = agent.Id,
            tags = new[] { tag },
            requester = new { email = RapportApp.UniqueEmail("charged"), name = "Robin Charged" },
        });
        var ticket = (await created.Content.ReadFromJsonAsync<TicketDto>(Json.Options))!;

        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        var panel = page.Locator("[data-escalation-panel]");
        await Assertions.Expect(panel.Locator("[data-referral-suggestion]")).ToContainTextAsync("Billing disputes go to Billing");
        await Assertions.Expect(page.GetByLabel("Refer to")).ToHaveValueAsync(billing.ToString());
        await Assertions.Expect(panel.Locator("[data-escalation-level]")).ToHaveTextAsync("First line");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "ticket-refer-escalate");

        // Without a reason the referral is refused on the ticket's escalation page, which says why.
        await panel.GetByRole(AriaRole.Button, new() { Name = "Refer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Why refer it");
        await AssertPageAsync(page, "ticket-referral-refused");

        await page.GetByLabel("Why refer it").FillAsync("Disputed card payment: Billing decides refunds.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Refer", Exact = true }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, url => url.Contains($"/agent/tickets/{ticket.Number}", StringComparison.Ordinal) && !url.Contains("/escalation", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByLabel("Team", new() { Exact = true })).ToHaveValueAsync(billing.ToString());

        await panel.GetByLabel("Why escalate it").FillAsync("Second complaint about the same charge.");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Escalate" }).ClickAsync();
        await Assertions.Expect(panel.Locator("[data-escalation-level]")).ToHaveTextAsync("Second line (level 1)");

        var commitments = page.Locator("[data-commitments-panel]");
        await commitments.GetByLabel("Commitment", new() { Exact = true }).SelectOptionAsync("refund");
        await commitments.GetByLabel("Amount (EUR)").FillAsync("900.50");
        await commitments.GetByLabel("What was promised").FillAsync("Refund of both March payments.");
        await commitments.GetByRole(AriaRole.Button, new() { Name = "Record commitment" }).ClickAsync();
        var refund = commitments.Locator("[data-commitment]").Filter(new() { HasText = "Refund of 900.50 EUR" });
        await Assertions.Expect(refund).ToHaveAttributeAsync("data-state", "pending");
        await Assertions.Expect(refund).ToContainTextAsync("Awaiting approval");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "ticket-commitments");

        var approver = await fixture.SignedInPageAsync(manager);
        await BrowserFixture.OpenMenuAsync(approver, "team");
        await approver.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).ClickAsync();
        var request = approver.Locator("[data-approval]").Filter(new() { HasText = $"#{ticket.Number}" });
        await Assertions.Expect(request).ToContainTextAsync("Refund of 900.50 EUR");
        await AssertPageAsync(approver, "approvals");
        await request.GetByLabel(new Regex("^Reason")).FillAsync("Both charges confirmed with the bank.");
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Status)).ToContainTextAsync("Request approved");
        await Assertions.Expect(approver.Locator("[data-decided]").First).ToContainTextAsync("Refund of 900.50 EUR");

        await page.ReloadAsync();
        await Assertions.Expect(refund).ToHaveAttributeAsync("data-state", "approved");
        await Assertions.Expect(refund).ToContainTextAsync("Both charges confirmed with the bank.");

        var phone = await fixture.SignedInPageAsync(agent, width: 360);
        await phone.GotoAsync($"/agent/tickets/{ticket.Number}#commitments");
        // The ticket page is a little wider than a phone already (its layout, not these panels); the panels keep to their column.
        await BrowserFixture.AssertAccessibleAsync(phone);
        foreach (var selector in new[] { "[data-escalation-panel]", "[data-commitments-panel]" })
            Assert.True(await phone.Locator(selector).EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().right <= e.closest('aside').getBoundingClientRect().right + 1"),
                $"{selector} is wider than its column");
        await BrowserFixture.ScreenshotAsync(phone, "ticket-commitments-360");
        var phoneApprovals = await fixture.SignedInPageAsync(manager, width: 360);
        await phoneApprovals.GotoAsync("/agent/approvals");
        await AssertPageAsync(phoneApprovals, "approvals-360");
    }

    [Fact]
    public async Task Manager_SetsTheReferralMatrix_TheLadderAndTheLimits_OnAccessiblePages()
    {
        var manager = await fixture.App.CreateUserAsync(Role.Manager);
        var team = await TeamAsync("Specialists");
        var page = await fixture.SignedInPageAsync(manager);

        await page.GotoAsync("/admin/referral-rules");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a rule" }).ClickAsync();
        var name = "Outages " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Value (all of, condition 1)").FillAsync("problem");
        await page.GetByLabel("Goes to team").SelectOptionAsync(team.ToString());
        await page.GetByLabel("Also tell").SelectOptionAsync("team_lead");
        await AssertPageAsync(page, "referral-rule-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Referral rule created");
        await page.GetByRole(AriaRole.Link, new() { Name = "Referral rules" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-rule-list]")).ToContainTextAsync(name);
        await AssertPageAsync(page, "referral-rules");

        await page.GotoAsync("/admin/escalation-levels");
        await Assertions.Expect(page.Locator("[data-level-row='1']")).ToContainTextAsync("Second line");
        await AssertPageAsync(page, "escalation-levels");
        await page.GetByRole(AriaRole.Link, new() { Name = "Second line" }).ClickAsync();
        await page.GetByLabel("Handled by").SelectOptionAsync(team.ToString());
        await AssertPageAsync(page, "escalation-level-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save level" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Escalation level saved");

        await page.GotoAsync("/admin/authority-limits");
        await page.GetByLabel("Limit (Agent, refund)", new() { Exact = true }).FillAsync("60.00");
        await page.GetByLabel("Limit (Team lead, goodwill credit)", new() { Exact = true }).FillAsync("12.345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save limits" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("two decimal places");
        await AssertPageAsync(page, "authority-limits-refused");
        await page.GetByLabel("Limit (Team lead, goodwill credit)", new() { Exact = true }).FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save limits" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Authority limits saved");
        await Assertions.Expect(page.GetByLabel("Limit (Agent, refund)", new() { Exact = true })).ToHaveValueAsync("60.00");
        await Assertions.Expect(page.Locator("tr[data-role='manager']")).ToContainTextAsync("up to 2,500.00 EUR");
        await AssertPageAsync(page, "authority-limits");

        foreach (var path in new[] { "/admin/referral-rules", "/admin/escalation-levels", "/admin/authority-limits" })
        {
            var phone = await fixture.SignedInPageAsync(manager, width: 360);
            await phone.GotoAsync(path);
            await AssertPageAsync(phone, path.Split('/')[^1] + "-360");
        }
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
