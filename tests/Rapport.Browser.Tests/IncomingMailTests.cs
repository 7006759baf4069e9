using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.Access;
using Rapport.Features.Email.Intake;
using Rapport.Features.People;
using Rapport.Mime;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

/// <summary>Issue 6: the admin's list of received mail, its actions, and the email marker and original on the ticket page.</summary>
public class IncomingMailTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_SeesWhatWasSetAside_CannotTicketAMessageWithoutSender_RetriesAndTicketsABounce_AndOpensTheOriginalFromTheTicket()
    {
        var relay = await RelayClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var customerMail = new OutgoingMessage
        {
            From = new MailboxAddress("Robin Parcel", RapportApp.UniqueEmail("parcel")),
            To = [new MailboxAddress("Support", "support@rapport.test")],
            Cc = [new MailboxAddress("Sam Neighbour", RapportApp.UniqueEmail("neighbour"))],
            Subject = $"My parcel never arrived {tag}",
            TextBody = "Hello,\n\nI ordered on Monday and nothing came.\n\nRobin",
            Date = DateTimeOffset.UtcNow,
            MessageId = MessageIds.New("customer.test"),
            Attachments = [new OutgoingAttachment("receipt.txt", "text/plain", Receipt)],
        }.ToBytes();
        var processed = await ReceiveAsync(relay, customerMail);
        // Hostile text in the subject: the list shows it as text.
        var nobody = await ReceiveAsync(relay, Encoding.ASCII.GetBytes(
            $"Subject: <img src=x onerror=alert(1)> Who wrote this {tag}\r\nMessage-ID: <{Guid.NewGuid():N}@nowhere.test>\r\n\r\nWho wrote this?\r\n"));
        var bounce = await ReceiveAsync(relay, BounceFor($"gone-{tag}@example.org"));
        Assert.Equal((InboundMailStatus.Processed, InboundMailStatus.Unprocessable, InboundMailStatus.Ignored), (processed.Status, nobody.Status, bounce.Status));

        var admin = await fixture.App.CreateUserAsync(Role.Admin);
        var page = await fixture.SignedInPageAsync(admin);
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Incoming mail" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Incoming mail" })).ToBeVisibleAsync();
        var tabs = page.GetByRole(AriaRole.Navigation, new() { Name = "Received mail by status" });
        await Assertions.Expect(tabs.Locator("[aria-current=page]")).ToContainTextAsync("Unprocessable");
        await Assertions.Expect(tabs.Locator("[data-unprocessable-count]")).ToBeVisibleAsync();
        var unsent = page.Locator($"[data-mail-row='{nobody.Id}']");
        await Assertions.Expect(unsent).ToContainTextAsync($"<img src=x onerror=alert(1)> Who wrote this {tag}");
        await Assertions.Expect(unsent.Locator("[data-mail-reason]")).ToContainTextAsync("no sender");
        await Assertions.Expect(unsent).ToContainTextAsync("no sender address");
        Assert.Equal(0, await page.Locator("[data-mail-list] img").CountAsync());
        await Assertions.Expect(page.Locator($"[data-mail-row='{bounce.Id}']")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "incoming-mail");

        // The original, exactly as received, with the admin's cookie.
        var (rawName, raw) = await DownloadAsync(page, unsent.GetByRole(AriaRole.Link, new() { Name = "Download original" }));
        Assert.Equal($"message-{nobody.Id}.eml", rawName);
        Assert.Contains($"Who wrote this {tag}", Encoding.ASCII.GetString(raw), StringComparison.Ordinal);

        // A message without a sender cannot become a ticket: the page says why, and the message stays.
        await BrowserFixture.SubmitAsync(page, unsent.GetByRole(AriaRole.Button, new() { Name = "Make a ticket" }));
        await Assertions.Expect(page.Locator("[data-mail-refusal]")).ToContainTextAsync($"Message {nobody.Id} was not made a ticket: The message has no usable sender address");
        await Assertions.Expect(unsent).ToHaveAttributeAsync("data-status", "unprocessable");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "incoming-mail-refused");

        // The bounce waits under Ignored; retried, it is read as a bounce again; made a ticket by hand, it becomes one.
        await tabs.GetByRole(AriaRole.Link, new() { Name = "Ignored" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("status=ignored"));
        var report = page.Locator($"[data-mail-row='{bounce.Id}']");
        await Assertions.Expect(report.Locator("[data-mail-reason]")).ToContainTextAsync($"gone-{tag}@example.org (5.1.1)");
        await BrowserFixture.SubmitAsync(page, report.GetByRole(AriaRole.Button, new() { Name = "Retry" }));
        await Assertions.Expect(page.Locator("[data-mail-outcome]")).ToContainTextAsync($"Message {bounce.Id} was retried and ignored again: Delivery failure report");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("status=ignored"));
        await Assertions.Expect(report.Locator("td").Nth(2)).ToContainTextAsync("1 attempt");
        await BrowserFixture.SubmitAsync(page, report.GetByRole(AriaRole.Button, new() { Name = "Make a ticket" }));
        var outcome = page.Locator("[data-mail-outcome]");
        await Assertions.Expect(outcome).ToContainTextAsync($"Message {bounce.Id} is now ticket #");
        await Assertions.Expect(report).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);

        // Processed: each message with the ticket it went to, and from there the ticket page.
        await tabs.GetByRole(AriaRole.Link, new() { Name = "Processed" }).ClickAsync();
        var delivered = page.Locator($"[data-mail-row='{processed.Id}']");
        await Assertions.Expect(delivered.Locator("[data-mail-ticket]")).ToHaveTextAsync($"Ticket #{processed.TicketNumber}");
        await Assertions.Expect(delivered.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "incoming-mail-processed");
        await tabs.GetByRole(AriaRole.Link, new() { Name = "All" }).ClickAsync();
        await Assertions.Expect(page.Locator($"[data-mail-row='{nobody.Id}']")).ToBeVisibleAsync();

        var phone = await fixture.SignedInPageAsync(admin, width: 360);
        await phone.GotoAsync("/admin/mail");
        await Assertions.Expect(phone.Locator($"[data-mail-row='{nobody.Id}']")).ToBeVisibleAsync();
        await AssertNarrowPageAsync(phone, "incoming-mail-360");

        await page.GotoAsync("/admin/mail?status=processed");
        await delivered.Locator("[data-mail-ticket]").ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, url => url.EndsWith($"/agent/tickets/{processed.TicketNumber}", StringComparison.Ordinal));
        var message = page.Locator("#timeline li.message").Filter(new() { HasText = "nothing came" });
        await Assertions.Expect(message.Locator("[data-email-marker]")).ToHaveTextAsync("email");
        // The mail's Cc is copied in on the ticket, named beside the requester.
        await Assertions.Expect(page.Locator("[data-copied-in]")).ToHaveTextAsync("Sam Neighbour");
        var (originalName, original) = await DownloadAsync(page, message.GetByRole(AriaRole.Link, new() { Name = "View original" }));
        Assert.EndsWith(".eml", originalName, StringComparison.Ordinal);
        Assert.Equal(customerMail, original);
        // The mail's files download too (they were fetched into the page by htmx before download links opted out of it).
        var (fileName, file) = await DownloadAsync(page, message.GetByRole(AriaRole.Link, new() { Name = "receipt.txt" }));
        Assert.Equal("receipt.txt", fileName);
        Assert.Equal(Receipt, file);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "ticket-from-email");
        await phone.GotoAsync($"/agent/tickets/{processed.TicketNumber}");
        await Assertions.Expect(phone.Locator("[data-email-marker]")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(phone);
        await BrowserFixture.ScreenshotAsync(phone, "ticket-from-email-360");
    }

    [Fact]
    public async Task ATicketWrittenInRapport_ShowsNoEmailMarker()
    {
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var created = await fixture.App.ClientFor(agent).PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Copied from an email by hand",
            body = "The customer wrote about the invoice.",
            channel = "email",
            requester = new { email = RapportApp.UniqueEmail("called"), name = "Sam Called" },
        });
        var number = (await created.Content.ReadFromJsonAsync<Features.Tickets.TicketDto>(Json.Options))!.Number;

        var page = await fixture.SignedInPageAsync(agent);
        await page.GotoAsync($"/agent/tickets/{number}");
        await Assertions.Expect(page.Locator("#timeline li.message")).ToContainTextAsync("wrote about the invoice");
        await Assertions.Expect(page.Locator("[data-email-marker]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "View original" })).ToHaveCountAsync(0);
    }

    private static readonly byte[] Receipt = "Order 4471 <img src=\"/x-receipt\"> paid"u8.ToArray();

    /// <summary>A relay's client: a token scoped to mail intake, as <c>Mail.RelayClientAsync</c> makes in the API tests.</summary>
    private async Task<HttpClient> RelayClientAsync()
    {
        var admin = await fixture.App.CreateUserAsync(Role.Admin);
        var token = await fixture.App.WithScopeAsync(async services =>
            (await services.GetRequiredService<CreateApiToken>().ExecuteAsync(admin.Id, "relay", Actor.System, default, TokenScopes.MailIntake)).Value!.Token);
        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<InboundMailReceipt> ReceiveAsync(HttpClient relay, byte[] raw)
    {
        var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");
        var response = await relay.PostAsync("/api/v1/mail/inbound", content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InboundMailReceipt>(Json.Options))!;
    }

    /// <summary>Clicks a download link: the browser must save the file (htmx must not fetch it into the page), and the page stays.</summary>
    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage page, ILocator link)
    {
        var before = page.Url;
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal(before, page.Url);
        return (download.SuggestedFilename, await File.ReadAllBytesAsync((await download.PathAsync())!));
    }

    private static async Task AssertNarrowPageAsync(IPage page, string name)
    {
        await BrowserFixture.AssertAccessibleAsync(page);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{name} is wider than the window");
        await BrowserFixture.ScreenshotAsync(page, name);
    }

    private static byte[] BounceFor(string recipient) => Encoding.ASCII.GetBytes(
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r\n" +
        "To: support@rapport.test\r\nSubject: Undelivered Mail Returned to Sender\r\n" +
        $"Message-ID: <{Guid.NewGuid():N}@mx.example.org>\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n" +
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n" +
        "--B\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n\r\n" +
        "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n" +
        $"Final-Recipient: rfc822; {recipient}\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n\r\n" +
        $"--B\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: support@rapport.test\r\nTo: {recipient}\r\nMessage-ID: <original-{Guid.NewGuid():N}@rapport.test>\r\nSubject: Your ticket\r\n\r\n" +
        "--B--\r\n");
}
