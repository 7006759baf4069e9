using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.People;
using Rapport.Features.Services;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

/// <summary>Admins edit the mails Rapport sends: an unknown placeholder is refused, a preview shows the mail, and a reset brings back the built-in text.</summary>
public class MailTemplatePagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static Task SubmitAsync(IPage page, ILocator button) => BrowserFixture.SubmitAsync(page, button);

    /// <summary>
    /// axe cannot run inside a frame that may not run script, which is the point of the preview's sandbox (its injection
    /// waits for ever: dequelabs/axe-core-maven-html#84), so the frame's title is checked and the frame set aside for the scan.
    /// </summary>
    private static async Task AssertAccessibleWithPreviewAsync(IPage page)
    {
        var frame = page.Locator("iframe.mail-preview-html");
        await Assertions.Expect(frame).ToHaveAttributeAsync("title", "The mail as HTML");
        await frame.EvaluateAsync("frame => frame.replaceWith(document.createElement('div'))");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Admin_EditsTheAcknowledgement_IsToldOfAnUnknownPlaceholder_Previews_Saves_AndResets()
    {
        var admin = await fixture.App.CreateUserAsync(Role.Admin);
        var api = fixture.App.ClientFor(admin);
        var service = await CreatedAsync<ServiceDto>(await api.PostAsJsonAsync("/api/v1/services", new
        {
            name = $"Heating {Guid.NewGuid().ToString("N")[..6]}", channels = new[] { "email" }, firstResponseMinutes = 240,
        }));
        var ticket = await CreatedAsync<TicketDto>(await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Radiator <cold>", body = "Since Monday.", serviceId = service.Id,
            requester = new { email = RapportApp.UniqueEmail("mailpage"), name = "Grace Hopper" },
        }));

        var page = await fixture.SignedInPageAsync(admin);
        await page.GotoAsync("/admin");
        var adminNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" });
        await adminNav.GetByRole(AriaRole.Link, new() { Name = "Mail templates" }).ClickAsync();
        var row = page.Locator("[data-mail-template-row='ticket_acknowledgement/en']");
        await Assertions.Expect(row).ToContainTextAsync("Built-in");
        await BrowserFixture.AssertAccessibleAsync(page);
        await row.GetByRole(AriaRole.Link, new() { Name = "Request received" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Request received · English (en)");
        await Assertions.Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Placeholders" })).ToContainTextAsync("{{service.response_time}}");

        await page.GetByLabel("Subject").FillAsync("Thanks {{customer.first_name}} [#{{ticket.numbr}}]");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save template" }));
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("The template was not saved");
        await Assertions.Expect(alert.GetByRole(AriaRole.Link, new() { Name = "Subject" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#subject-error")).ToHaveTextAsync("Unknown placeholder {{ticket.numbr}}.");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Subject").FillAsync("Thanks {{customer.first_name}} [#{{ticket.number}}]");
        var html = page.GetByLabel("HTML", new() { Exact = true });
        await html.FillAsync(await html.InputValueAsync() + "<script>parent.document.body.dataset.pwned = 'yes'</script>");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Preview" }));
        await Assertions.Expect(page.Locator("[data-preview-subject]")).ToHaveTextAsync("Thanks Anna [#1042]");
        await Assertions.Expect(page.Locator("[data-preview-text]")).ToContainTextAsync("We aim to answer within 4 working hours.");
        var frame = page.FrameLocator("iframe.mail-preview-html");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("Boiler makes a banging noise");
        await Assertions.Expect(page.Locator("iframe.mail-preview-html")).ToHaveAttributeAsync("sandbox", "");
        Assert.Null(await page.Locator("body").GetAttributeAsync("data-pwned"));

        await page.GetByLabel("Preview with ticket (optional)").FillAsync(ticket.Number.ToString());
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Preview" }));
        await Assertions.Expect(page.Locator("[data-preview-subject]")).ToHaveTextAsync($"Thanks Grace [#{ticket.Number}]");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("Radiator <cold>");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("We aim to answer within 4 hours.");
        await BrowserFixture.ScreenshotAsync(page, "admin-mail-template-preview-1280");
        // A full-page screenshot leaves a sandboxed frame blank; the frame's own shows the mail.
        await page.Locator("iframe.mail-preview-html").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "admin-mail-template-preview-html-1280.png") });
        await AssertAccessibleWithPreviewAsync(page);

        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save template" }));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/mail-templates/ticket_acknowledgement/en\\?done=saved$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Template saved.");
        await Assertions.Expect(page.GetByLabel("Subject")).ToHaveValueAsync("Thanks {{customer.first_name}} [#{{ticket.number}}]");
        await page.GotoAsync("/admin/mail-templates");
        await Assertions.Expect(row).ToContainTextAsync("Changed");

        await page.GotoAsync("/admin/mail-templates/ticket_acknowledgement/en");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Reset to default" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Template reset to the built-in text.");
        await Assertions.Expect(page.GetByLabel("Subject")).ToHaveValueAsync("We have received your request: {{ticket.subject}} [#{{ticket.number}}]");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reset to default" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task MailTemplatePages_HaveNoSeriousAccessibilityViolations_AndWorkOnAPhone()
    {
        var admin = await fixture.App.CreateUserAsync(Role.Admin);
        foreach (var width in new[] { 1280, 360 })
        {
            var page = await fixture.SignedInPageAsync(admin, width);
            await page.GotoAsync("/admin/mail-templates");
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, $"admin-mail-templates-{width}");

            await page.GetByLabel("Mail", new() { Exact = true }).SelectOptionAsync("agent_assigned");
            await page.GetByLabel("Language", new() { Exact = true }).FillAsync("NL");
            await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Write it" }));
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/mail-templates/agent_assigned/nl$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("There is no text in Dutch (nl) yet");
            await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Preview" }));
            await Assertions.Expect(page.Locator("[data-preview-subject]")).ToHaveTextAsync("[#1042] Assigned to you: Boiler makes a banging noise");
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"The page is wider than {width} px");
            await BrowserFixture.ScreenshotAsync(page, $"admin-mail-template-{width}");
            await AssertAccessibleWithPreviewAsync(page);
        }
    }

    private static async Task<T> CreatedAsync<T>(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;
    }
}
