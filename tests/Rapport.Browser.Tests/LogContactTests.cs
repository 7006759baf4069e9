using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

public class LogContactTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static string Token() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task AnAgentLogsAPhoneCall_ForANewCustomerCreatedInline()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var token = Token();
        var page = await fixture.SignedInPageAsync(agent);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Workspace" }).GetByRole(AriaRole.Link, new() { Name = "Log a contact" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "**/agent/log-contact");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Log a contact");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Harriet Caller{token}");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("01632 960" + Random.Shared.Next(100, 999));
        await page.GetByLabel("Channel").SelectOptionAsync("phone");
        await page.GetByLabel("Inbound: they contacted us").CheckAsync();
        await page.GetByLabel("Type").SelectOptionAsync("problem");
        await page.GetByLabel("Priority").SelectOptionAsync("high");
        await page.GetByLabel("Summary").FillAsync($"Heating off since Monday {token}");
        await page.GetByLabel("Details").FillAsync("Caller says the radiators are cold. No email address.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log contact" }).ClickAsync();

        await BrowserFixture.ArrivedAtAsync(page, new Regex(@"/agent/tickets/\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Heating off since Monday {token}");
        await Assertions.Expect(page.Locator(".message header .channel[aria-label='phone']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".message header").First).ToContainTextAsync(new Regex(@"☎\s*in\b"));
        await Assertions.Expect(page.Locator(".badge.priority-high").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Harriet Caller{token}" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex(@"/agent/customers/\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Harriet Caller{token}");
        await Assertions.Expect(page.Locator("[data-customer-tickets]").GetByRole(AriaRole.Link, new() { Name = $"Heating off since Monday {token}" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnAgentAddsALetter_ToAnExistingTicket_OfACustomerFoundByTypeAhead()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var token = Token();
        var ticket = await CreateTicketAsync(fixture.App.ClientFor(agent), $"Refund for order {token}", $"Zora Letterwriter{token}");
        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync("/agent/log-contact");

        await page.GetByLabel("Find by name, email or phone").PressSequentiallyAsync($"zora letterwriter{token}", new() { Delay = 20 });
        var choice = page.Locator("[data-lookup-choice]").Filter(new() { HasText = $"Zora Letterwriter{token}" });
        await Assertions.Expect(choice).ToHaveCountAsync(1);
        await choice.ClickAsync();

        await Assertions.Expect(page.Locator("[data-chosen-customer]")).ToContainTextAsync($"Zora Letterwriter{token}");
        await page.GetByLabel("Add to").SelectOptionAsync(ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Channel").SelectOptionAsync("letter");
        await page.GetByLabel("Outbound: we contacted them").CheckAsync();
        await page.GetByLabel("Summary").FillAsync("Refund confirmation sent");
        await page.GetByLabel("Details").FillAsync($"Posted the refund confirmation letter {token}.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log contact" }).ClickAsync();

        await BrowserFixture.ArrivedAtAsync(page, $"**/agent/tickets/{ticket.Number}");
        var last = page.Locator(".message").Last;
        await Assertions.Expect(last).ToContainTextAsync($"Posted the refund confirmation letter {token}.");
        await Assertions.Expect(last.Locator("header .channel[aria-label='letter']")).ToBeVisibleAsync();
        await Assertions.Expect(last.Locator("header")).ToContainTextAsync(new Regex(@"✍\s*out\b"));
        await Assertions.Expect(page.Locator(".message")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task SearchButton_FindsACustomerByPhone_WithoutTheTypeAhead()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var token = Token();
        var digits = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await fixture.App.ClientFor(agent).PostAsJsonAsync("/api/v1/customers",
            new { name = $"Phoebe Phone{token}", phones = new[] { new { number = $"+44 20 {digits}", label = "home" } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var page = await fixture.SignedInPageAsync(agent, width: 360);
        await page.GotoAsync("/agent/log-contact");

        await page.GetByLabel("Find by name, email or phone").FillAsync($"+44 20 {digits[..4]}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var choice = page.Locator("[data-lookup-choice]").Filter(new() { HasText = $"Phoebe Phone{token}" });
        await Assertions.Expect(choice).ToHaveCountAsync(1);
        await choice.ClickAsync();
        await Assertions.Expect(page.Locator("[data-chosen-customer]")).ToContainTextAsync($"+44 20 {digits}");

        // Nothing typed: the form says what is missing, next to the field, and keeps the customer.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log contact" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("required");
        await Assertions.Expect(page.Locator("#lc-details-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-chosen-customer]")).ToContainTextAsync($"Phoebe Phone{token}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "log-contact-errors-360");
    }

    private static async Task<TicketDto> CreateTicketAsync(HttpClient api, string subject, string name)
    {
        var response = await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject,
            body = "Where is my refund?",
            channel = "email",
            requester = new { email = RapportApp.UniqueEmail("letter"), name },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketDto>(Rapport.Tests.Infrastructure.Json.Options))!;
    }
}
