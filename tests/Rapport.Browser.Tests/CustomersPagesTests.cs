using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.Customers;
using Rapport.Features.People;

namespace Rapport.Browser.Tests;

public class CustomersPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static string Token() => Guid.NewGuid().ToString("N")[..8];

    private static async Task<CustomerDto> CreateCustomerAsync(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/customers", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CustomerDto>(Rapport.Tests.Infrastructure.Json.Options))!;
    }

    [Fact]
    public async Task Search_FindsACustomer_ByTheStartOfTheirEmail()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var token = Token();
        var api = fixture.App.ClientFor(agent);
        await CreateCustomerAsync(api, new { name = $"Wanted Person {token}", emails = new[] { $"wanted-{token}@example.test" } });
        await CreateCustomerAsync(api, new { name = $"Other Person {token}", emails = new[] { $"other-{token}@example.test" } });
        var page = await fixture.SignedInPageAsync(agent);

        await page.GotoAsync("/agent/customers");
        await page.GetByLabel("Name or email starts with").FillAsync($"WANTED-{token}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var rows = page.Locator("[data-customer-list] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync($"wanted-{token}@example.test");
        await rows.First.GetByRole(AriaRole.Link, new() { Name = $"Wanted Person {token}" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex(@"/agent/customers/\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Wanted Person {token}");
    }

    [Fact]
    public async Task EditingNeeds_ShowsTheChange_AndAnAuditEntry()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var token = Token();
        var customer = await CreateCustomerAsync(fixture.App.ClientFor(agent),
            new { name = $"Needs Person {token}", emails = new[] { $"needs-{token}@example.test" }, needsAndExpectations = "Call back within a day." });
        var page = await fixture.SignedInPageAsync(agent);

        await page.GotoAsync($"/agent/customers/{customer.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, $"**/agent/customers/{customer.Id}/edit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Edit Needs Person {token}");
        await page.GetByLabel("Needs and expectations").FillAsync($"Prefers a letter, large print {token}.");
        await page.GetByLabel("Preferred language").FillAsync("cy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await BrowserFixture.ArrivedAtAsync(page, $"**/agent/customers/{customer.Id}?saved=1");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Assertions.Expect(page.Locator("[data-customer-details]")).ToContainTextAsync($"Prefers a letter, large print {token}.");
        await page.GetByText("History of this record").ClickAsync();
        var updated = page.Locator("[data-audit-entry]").Filter(new() { HasText = "updated" });
        await Assertions.Expect(updated).ToHaveCountAsync(1);
        await Assertions.Expect(updated).ToContainTextAsync("needsAndExpectations");
        await Assertions.Expect(updated).ToContainTextAsync("Call back within a day.");
        await Assertions.Expect(updated).ToContainTextAsync($"Prefers a letter, large print {token}.");
        await Assertions.Expect(updated).ToContainTextAsync("preferredLanguage");
    }

    [Fact]
    public async Task ABadEmail_IsShownNextToTheField()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var token = Token();
        var customer = await CreateCustomerAsync(fixture.App.ClientFor(agent), new { name = $"Typo Person {token}", emails = new[] { $"typo-{token}@example.test" } });
        var page = await fixture.SignedInPageAsync(agent);

        await page.GotoAsync($"/agent/customers/{customer.Id}/edit");
        await page.GetByLabel("Email addresses").FillAsync($"typo-{token}@example.test\nnot-an-address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("valid email address");
        await Assertions.Expect(page.Locator("#c-emails-error")).ToHaveTextAsync("Line 2: Must be a valid email address.");
        await Assertions.Expect(page.GetByLabel("Email addresses")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Email addresses")).ToHaveValueAsync($"typo-{token}@example.test\nnot-an-address");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "customer-edit-errors");

        var saved = await fixture.App.ClientFor(agent).GetFromJsonAsync<CustomerDto>($"/api/v1/customers/{customer.Id}", Rapport.Tests.Infrastructure.Json.Options);
        Assert.Equal([$"typo-{token}@example.test"], saved!.Emails);
    }

    [Fact]
    public async Task AnUnknownCustomer_Answers404_WithAWayBack()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var page = await fixture.SignedInPageAsync(agent);
        foreach (var url in new[] { "/agent/customers/999999999", "/agent/customers/999999999/edit" })
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Customer not found");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to customers" })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task CreatingACustomer_OpensTheirPage()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var token = Token();
        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync("/agent/customers");
        await page.GetByRole(AriaRole.Link, new() { Name = "New customer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New customer");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Colleague {token}");
        await page.GetByLabel("Kind").SelectOptionAsync("internal");
        await page.GetByLabel("Department").FillAsync("Facilities");
        await page.GetByLabel("Phone numbers").FillAsync("0113 496 0000, desk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create customer" }).ClickAsync();

        await BrowserFixture.ArrivedAtAsync(page, new Regex(@"/agent/customers/\d+\?saved=1$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Colleague {token}");
        await Assertions.Expect(page.Locator("[data-customer-details]")).ToContainTextAsync("0113 496 0000 (desk)");
        await Assertions.Expect(page.Locator("[data-customer-details]")).ToContainTextAsync("Facilities");
    }

    [Fact]
    public async Task CustomerPages_HaveNoSeriousAccessibilityViolations_OnDesktopAndPhone()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var token = Token();
        var api = fixture.App.ClientFor(agent);
        var customer = await CreateCustomerAsync(api, new
        {
            name = $"Screenshot Person {token}",
            emails = new[] { $"shot-{token}@example.test" },
            phones = new[] { new { number = "+44 20 7946 0018", label = "work" } },
            preferredChannel = "phone",
            preferredLanguage = "en-GB",
            communicationNeeds = "Large print letters.",
            needsAndExpectations = "Expects a call back the same day.",
        });
        var ticket = await api.PostAsJsonAsync("/api/v1/tickets", new { subject = $"Screenshot ticket {token}", body = "Hello", channel = "phone", requesterId = customer.Id });
        Assert.Equal(HttpStatusCode.Created, ticket.StatusCode);
        await api.PatchAsJsonAsync($"/api/v1/customers/{customer.Id}", new { department = (string?)null, needsAndExpectations = "Expects a call back within the hour." });

        foreach (var width in new[] { 1280, 360 })
        {
            var page = await fixture.SignedInPageAsync(agent, width);
            foreach (var (url, name) in new[]
            {
                ("/agent/customers", "customers"),
                ($"/agent/customers/{customer.Id}", "customer"),
                ($"/agent/customers/{customer.Id}/edit", "customer-edit"),
                ("/agent/log-contact", "log-contact"),
            })
            {
                await page.GotoAsync(url);
                if (name == "customer") await page.GetByText("History of this record").ClickAsync();
                if (name == "log-contact")
                {
                    await page.GetByLabel("Find by name, email or phone").PressSequentiallyAsync($"screenshot person {token}", new() { Delay = 10 });
                    await Assertions.Expect(page.Locator("[data-lookup-choice]")).ToHaveCountAsync(1);
                }
                await BrowserFixture.AssertAccessibleAsync(page);
                await BrowserFixture.ScreenshotAsync(page, $"{name}-{width}");
            }
            await page.Context.CloseAsync();
        }
    }
}
