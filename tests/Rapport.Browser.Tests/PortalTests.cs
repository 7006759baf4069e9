using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.Access;
using Rapport.Features.People;
using Rapport.Features.Portal;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

public partial class PortalTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string NewPassword = "Portal-pass-2024";

    [Fact]
    public async Task Customer_SignsUpAndAsks_AgentAnswers_CustomerSeesReplyButNotNote_AndTheTicketReopens()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var agentPage = await fixture.SignedInPageAsync(agent);

        var customer = await fixture.NewPageAsync();
        var email = RapportApp.UniqueEmail("signup");
        await SignUpAsync(customer, "Robin Asker", email, NewPassword);
        await BrowserFixture.ArrivedAtAsync(customer, url => url.EndsWith("/portal", StringComparison.Ordinal));
        await Assertions.Expect(customer.GetByText("You have no requests yet.")).ToBeVisibleAsync();

        var number = await SubmitRequestAsync(customer, "My parcel never arrived", "Ordered on Monday, tracking says delivered.", "problem");
        await Assertions.Expect(customer.Locator(".message.public")).ToContainTextAsync("tracking says delivered");
        await customer.GotoAsync("/portal");
        await Assertions.Expect(customer.GetByRole(AriaRole.Link, new() { Name = "My parcel never arrived" })).ToBeVisibleAsync();

        await agentPage.GotoAsync("/agent/views/unassigned");
        await agentPage.GetByRole(AriaRole.Link, new() { Name = "My parcel never arrived" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(agentPage, $"**/agent/tickets/{number}");
        await Assertions.Expect(agentPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("My parcel never arrived");
        await Assertions.Expect(agentPage.Locator(".badge").Filter(new() { HasText = "problem" })).ToBeVisibleAsync();

        await agentPage.GetByLabel("Assignee").SelectOptionAsync(agent.Id.ToString());
        await BrowserFixture.SubmitAsync(agentPage, agentPage.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        await Assertions.Expect(agentPage.GetByLabel("Assignee")).ToHaveValueAsync(agent.Id.ToString());
        await agentPage.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("We have asked the courier. Could you check with your neighbours?");
        await agentPage.GetByLabel("Then set status").SelectOptionAsync("pending");
        await BrowserFixture.SubmitAsync(agentPage, agentPage.GetByRole(AriaRole.Button, new() { Name = "Send" }));
        await Assertions.Expect(agentPage.Locator(".message.public").Last).ToContainTextAsync("check with your neighbours");
        await agentPage.GetByLabel("Internal note").CheckAsync();
        await agentPage.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("Courier ref 88-SECRET, do not share");
        await BrowserFixture.SubmitAsync(agentPage, agentPage.GetByRole(AriaRole.Button, new() { Name = "Send" }));
        await Assertions.Expect(agentPage.Locator(".message.internal").Last).ToContainTextAsync("88-SECRET");

        await customer.GotoAsync($"/portal/requests/{number}");
        await Assertions.Expect(customer.Locator(".message.public").Last).ToContainTextAsync("check with your neighbours");
        await Assertions.Expect(customer.Locator(".badge.status-pending")).ToBeVisibleAsync();
        Assert.DoesNotContain("88-SECRET", await customer.ContentAsync());
        Assert.Equal(0, await customer.Locator(".message.internal").CountAsync());
        await BrowserFixture.ScreenshotAsync(customer, "portal-request");

        await customer.GetByLabel("Your message").FillAsync("Found it at number 12, thanks! But the box is **damaged**.");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(customer.Locator(".message.portal-mine").Last).ToContainTextAsync("Found it at number 12");
        await Assertions.Expect(customer.Locator(".message.portal-mine strong").Last).ToHaveTextAsync("damaged");
        await Assertions.Expect(customer.Locator(".badge.status-open")).ToBeVisibleAsync();

        await agentPage.GotoAsync($"/agent/tickets/{number}");
        await Assertions.Expect(agentPage.Locator(".badge.status-open").First).ToBeVisibleAsync();
        await Assertions.Expect(agentPage.Locator(".message.public").Last).ToContainTextAsync("Found it at number 12");
        await agentPage.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("solved");
        await BrowserFixture.SubmitAsync(agentPage, agentPage.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        await Assertions.Expect(agentPage.Locator(".badge.status-solved").First).ToBeVisibleAsync();

        await customer.GotoAsync("/portal");
        await Assertions.Expect(customer.Locator("tr", new() { HasText = "My parcel never arrived" }).Locator(".badge.status-solved")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Customer_CannotOpenAnotherCustomersRequest()
    {
        var owner = await fixture.App.CreateUserAsync(Role.Customer);
        var response = await fixture.App.ClientFor(owner).PostAsJsonAsync("/api/v1/tickets", new { subject = "Owner's private matter", body = "Account 4471" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = (await response.Content.ReadFromJsonAsync<TicketDto>(Json.Options))!;

        var stranger = await fixture.SignedInPageAsync(await fixture.App.CreateUserAsync(Role.Customer));
        var page = await stranger.GotoAsync($"/portal/requests/{ticket.Number}");
        Assert.Equal(404, page!.Status);
        await Assertions.Expect(stranger.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Request not found");
        var html = await stranger.ContentAsync();
        Assert.DoesNotContain("Owner's private matter", html);
        Assert.DoesNotContain("Account 4471", html);

        var download = await stranger.APIRequest.GetAsync($"/api/v1/tickets/{ticket.Number}/attachments/1");
        Assert.Equal(404, download.Status);
        await stranger.GotoAsync("/portal");
        Assert.DoesNotContain("Owner's private matter", await stranger.ContentAsync());
    }

    [Fact]
    public async Task Customer_AttachesAFile_AndDownloadsItFromTheConversation()
    {
        var customer = await fixture.App.CreateUserAsync(Role.Customer);
        var page = await fixture.SignedInPageAsync(customer);
        await page.GotoAsync("/portal/requests/new");
        await page.GetByLabel("Subject").FillAsync("Invoice looks wrong");
        await page.GetByLabel("Description").FillAsync("See the attached copy.");
        await page.GetByLabel("What kind of request is it?").SelectOptionAsync("complaint");
        await page.GetByLabel("Attachments (optional)").SetInputFilesAsync(new FilePayload
        {
            Name = "invoice-copy.txt", MimeType = "text/plain", Buffer = "Invoice 2024-117: 3 x widgets"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, new Regex(@"/portal/requests/\d+$"));

        var link = page.GetByRole(AriaRole.Link, new() { Name = "invoice-copy.txt" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        var download = await page.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, download.Status);
        Assert.Equal("Invoice 2024-117: 3 x widgets", await download.TextAsync());

        var number = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var type = await fixture.App.WithDbAsync(async db => (await db.Tickets.FindAsync(number))!.Type);
        Assert.Equal(TicketType.Complaint, type);
    }

    [Fact]
    public async Task SignUp_ShowsPasswordRulesPerField_AndRefusesAnEmailThatHasAnAccount()
    {
        var page = await fixture.NewPageAsync();
        await SignUpAsync(page, "Weak Password", RapportApp.UniqueEmail("weak"), "short");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("at least 10 characters");
        await Assertions.Expect(page.GetByLabel("Password")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Weak Password");
        await BrowserFixture.AssertAccessibleAsync(page);

        var existing = await fixture.App.CreateUserAsync(Role.Customer);
        await SignUpAsync(page, "Second Try", existing.Email, NewPassword);
        await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("already exists");
        Assert.Contains("/portal/signup", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_WithTheEmailOfAKnownCustomer_LinksTheAccountToThatCustomer()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("caller");
        var response = await fixture.App.ClientFor(agent).PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Phoned about a refund", body = "Logged by phone.", channel = "phone", requester = new { email, name = "Sam Caller" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var page = await fixture.NewPageAsync();
        await SignUpAsync(page, "Sam Caller", email, NewPassword);
        await BrowserFixture.ArrivedAtAsync(page, url => url.EndsWith("/portal", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Phoned about a refund" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Customer_MarksAnAssignedRequestSolved()
    {
        var customer = await fixture.App.CreateUserAsync(Role.Customer);
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var response = await fixture.App.ClientFor(customer).PostAsJsonAsync("/api/v1/tickets", new { subject = "Cannot log in", body = "Since yesterday." });
        var ticket = (await response.Content.ReadFromJsonAsync<TicketDto>(Json.Options))!;
        var page = await fixture.SignedInPageAsync(customer);

        await page.GotoAsync($"/portal/requests/{ticket.Number}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark as solved" })).ToHaveCountAsync(0);

        var assigned = await fixture.App.WithScopeAsync(services => services.GetRequiredService<UpdateTicket>().ExecuteAsync(ticket.Number,
            new UpdateTicketRequest(default, default, default, default, default, Optional<Guid?>.Of(agent.Id), default, default), null, Actor.System, default));
        Assert.True(assigned.Succeeded);
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as solved" }).ClickAsync();
        await Assertions.Expect(page.Locator(".badge.status-solved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark as solved" })).ToHaveCountAsync(0);

        var audited = await fixture.App.WithDbAsync(db => Task.FromResult(db.AuditEvents.Any(a =>
            a.TicketNumber == ticket.Number && a.ActorUserId == customer.Id && a.Action == "updated" && a.Changes.Contains("solved"))));
        Assert.True(audited);
    }

    [Fact]
    public async Task PasswordReset_ThroughTheLoggedLink_LetsTheCustomerSignInWithTheNewPassword()
    {
        var customer = await fixture.App.CreateUserAsync(Role.Customer);
        var links = fixture.App.Services.GetRequiredService<PasswordResetLinks>();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/portal/forgot-password");
        await page.GetByLabel("Email").FillAsync(RapportApp.UniqueEmail("nobody"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        var unknownAnswer = await page.GetByRole(AriaRole.Status).TextContentAsync();

        await page.GotoAsync("/portal/forgot-password");
        await page.GetByLabel("Email").FillAsync(customer.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(unknownAnswer!);
        var link = links.LastFor(customer.Email);
        Assert.NotNull(link);

        await page.GotoAsync(link);
        await page.GetByLabel("New password").FillAsync("weak");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("at least 10 characters");
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password has been changed");

        // The token is used up: a second go with the same link is refused.
        await page.GotoAsync(link);
        await page.GetByLabel("New password").FillAsync("Another-pass-99");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("invalid or has expired");

        await page.GotoAsync("/portal/signin");
        await page.GetByLabel("Email").FillAsync(customer.Email);
        await page.GetByLabel("Password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, url => url.EndsWith("/portal", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My requests");
    }

    [Fact]
    public async Task Portal_RedirectsStrangersToItsSignIn_AndShowsStaffTheWayToTheWorkspace()
    {
        var anonymous = await fixture.NewPageAsync();
        await anonymous.GotoAsync("/portal/requests/new");
        await BrowserFixture.ArrivedAtAsync(anonymous, "**/portal/signin**");

        var agent = await fixture.SignedInPageAsync(await fixture.App.CreateUserAsync(Role.Agent));
        await agent.GotoAsync("/portal");
        await Assertions.Expect(agent.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "agent workspace" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ThemeStylesheet_IsServedAsCss_AndPagesCarryNoInlineStyle()
    {
        var response = await fixture.App.AnonymousClient().GetAsync("/portal/theme.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/portal/signup");
        Assert.Equal(1, await page.Locator("link[rel=stylesheet][href^='/portal/theme.css']").CountAsync());
        Assert.Equal(0, await page.Locator("[style]").CountAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Help centre" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PortalPages_HaveNoSeriousAccessibilityViolations_OnDesktopAndPhone()
    {
        var customer = await fixture.App.CreateUserAsync(Role.Customer);
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var created = await fixture.App.ClientFor(customer).PostAsJsonAsync("/api/v1/tickets", new { subject = "Accessible request", body = "Please check **this**." });
        var ticket = (await created.Content.ReadFromJsonAsync<TicketDto>(Json.Options))!;
        await fixture.App.ClientFor(agent).PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages", new { body = "Here is our answer.", visibility = "public" });

        foreach (var width in new[] { 1280, 360 })
        {
            var anonymous = await fixture.NewPageAsync(width);
            foreach (var (url, name) in new[]
            {
                ("/portal/signup", "signup"), ("/portal/forgot-password", "forgot-password"),
                ("/portal/reset-password?email=someone%40example.test&token=abc", "reset-password"),
            })
            {
                await anonymous.GotoAsync(url);
                await BrowserFixture.AssertAccessibleAsync(anonymous);
                await BrowserFixture.ScreenshotAsync(anonymous, $"portal-{name}-{width}");
            }

            var page = await fixture.SignedInPageAsync(customer, width);
            foreach (var (url, name) in new[] { ("/portal", "requests"), ("/portal/requests/new", "new-request"), ($"/portal/requests/{ticket.Number}", "request") })
            {
                await page.GotoAsync(url);
                await BrowserFixture.AssertAccessibleAsync(page);
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{url} scrolls sideways at {width} px");
                await BrowserFixture.ScreenshotAsync(page, $"portal-{name}-{width}");
            }

            await page.GotoAsync("/portal/requests/new");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, $"portal-new-request-errors-{width}");
        }
    }


    private static async Task SignUpAsync(IPage page, string name, string email, string password)
    {
        await page.GotoAsync("/portal/signup");
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
    }

    private static async Task<long> SubmitRequestAsync(IPage page, string subject, string description, string type)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "New request" }).First.ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, "**/portal/requests/new");
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByLabel("What kind of request is it?").SelectOptionAsync(type);
        await page.GetByLabel("Description").FillAsync(description);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, RequestUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
        return long.Parse(RequestUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/portal/requests/(\d+)$")]
    private static partial Regex RequestUrl();
}

/// <summary>The portal's settings and theme, checked without a browser.</summary>
public class PortalThemeTests
{
    [Theory]
    [InlineData("/logo.svg", true)]
    [InlineData("https://cdn.example.org/logo.png", true)]
    [InlineData("//evil.example/logo.png", false)]
    [InlineData("http://example.org/logo.png", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/logo.svg\" onerror=\"x", false)]
    public void LogoUrl_MustBeThisSiteOrHttps(string url, bool valid) =>
        Assert.Equal(valid, new PortalOptionsValidator().Validate(null, new PortalOptions { LogoUrl = url }).Succeeded);

    [Theory]
    [InlineData("#0b6e4f", true)]
    [InlineData("#FFAA00", true)]
    [InlineData("red", false)]
    [InlineData("#fff", false)]
    [InlineData("#123456; } body { display: none", false)]
    public void AccentColour_MustBeHex(string colour, bool valid) =>
        Assert.Equal(valid, new PortalOptionsValidator().Validate(null, new PortalOptions { AccentColour = colour }).Succeeded);

    [Fact]
    public void Theme_SetsTheAccent_WithReadableText()
    {
        Assert.Contains("--accent: #ffdd00; --accent-text: #000000;", PortalTheme.Css(new PortalOptions { AccentColour = "#FFDD00" }), StringComparison.Ordinal);
        Assert.Contains("--accent: #002266; --accent-text: #ffffff;", PortalTheme.Css(new PortalOptions { AccentColour = "#002266" }), StringComparison.Ordinal);
        Assert.DoesNotContain("--accent", PortalTheme.Css(new PortalOptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_ShowsTheOrganisationsNameLogoAndColour()
    {
        await using var app = await RapportApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Rapport:Portal:Name"] = "Acme Support",
            ["Rapport:Portal:LogoUrl"] = "/acme-logo.svg",
            ["Rapport:Portal:AccentColour"] = "#aa3300",
        });
        var client = app.AnonymousClient();
        var html = await client.GetStringAsync("/portal/signup");
        Assert.Contains("Acme Support", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/acme-logo.svg\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/portal/theme.css?v=aa3300\"", html, StringComparison.Ordinal);
        Assert.Contains("--accent: #aa3300;", await client.GetStringAsync("/portal/theme.css?v=aa3300"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadPortalSettings_StopTheServerNamingTheSetting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Rapport:Portal:AccentColour"] = "red" });
        builder.AddPortal();
        using var host = builder.Build();
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Rapport:Portal:AccentColour", failure.Message, StringComparison.Ordinal);
    }
}
