using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Data;
using Rapport.Features.Email.Sending;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests;

/// <summary>Admins set up a mailbox and send a test mail through the background sender; the ticket page shows its mail's delivery.</summary>
public class MailboxPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_AddsAMailbox_AndItsTestMailArrives()
    {
        await using var sink = await SmtpSink.StartAsync();
        var admin = await fixture.App.CreateUserAsync(Role.Admin);
        var page = await fixture.SignedInPageAsync(admin);
        var name = "Support " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" }).GetByRole(AriaRole.Link, new() { Name = "Mailboxes" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a mailbox" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Address").FillAsync("not an address");
        await page.GetByLabel("Host").FillAsync("127.0.0.1");
        await page.GetByLabel("Port").FillAsync(sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Security").SelectOptionAsync("none");
        await page.GetByLabel("Password").FillAsync("Never-shown-1");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add mailbox" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Address");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("User name");
        await Assertions.Expect(page.GetByLabel("Password")).ToHaveValueAsync("");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Address").FillAsync($"help-{Guid.NewGuid():N}@example.test");
        await page.GetByLabel("Password").FillAsync("");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add mailbox" }));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/mailboxes/[0-9]+\\?done=created$"));

        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send test mail" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Test mail queued to {admin.Email}");
        var received = await WaitForAsync(() => sink.Received().FirstOrDefault());
        Assert.Equal([admin.Email], received.To);
        Assert.Contains($"Subject: Rapport test mail from {name}", received.Text, StringComparison.Ordinal);
        await WaitForAsync(async () => await fixture.App.WithDbAsync(db => db.OutgoingMail.AsNoTracking()
            .Where(m => m.State == DeliveryState.Sent).AnyAsync(m => m.To.Contains(admin.Email))) ? "sent" : null);
        await page.ReloadAsync();
        var latest = page.Locator("[data-outgoing-mail]");
        await Assertions.Expect(latest).ToContainTextAsync(admin.Email);
        await Assertions.Expect(latest).ToContainTextAsync("Sent");

        foreach (var width in new[] { 1280, 360 })
        {
            var sized = await fixture.SignedInPageAsync(admin, width);
            foreach (var (url, shot) in new[] { ("/admin/mailboxes", "admin-mailboxes"), (page.Url, "admin-mailbox") })
            {
                await sized.GotoAsync(url);
                if (await sized.Locator("details.admin-details").CountAsync() > 0) await sized.Locator("details.admin-details summary").ClickAsync();
                await BrowserFixture.AssertAccessibleAsync(sized);
                await BrowserFixture.ScreenshotAsync(sized, $"{shot}-{width}");
            }
        }
    }

    [Fact]
    public async Task TheTicketPage_ShowsMailThatCouldNotBeDelivered()
    {
        await using var sink = await SmtpSink.StartAsync();
        var admin = await fixture.App.CreateUserAsync(Role.Admin);
        var api = fixture.App.ClientFor(admin);
        var mailbox = await (await api.PostAsJsonAsync("/api/v1/mailboxes", new
        {
            name = "Bounces " + Guid.NewGuid().ToString("N")[..6], address = $"help-{Guid.NewGuid():N}@example.test",
            smtpHost = "127.0.0.1", smtpPort = sink.Port, security = "none",
        }, Json.Options)).Content.ReadFromJsonAsync<Features.Email.Mailboxes.MailboxDto>(Json.Options);
        var created = await api.PostAsJsonAsync("/api/v1/tickets", new { subject = "Where is my parcel", body = "Hello", requester = new { email = RapportApp.UniqueEmail("req"), name = "Req" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticket = (await created.Content.ReadFromJsonAsync<TicketDto>(Json.Options))!;
        var mailId = await fixture.App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<RapportDbContext>();
            var box = await db.Mailboxes.FindAsync(mailbox!.Id);
            var content = Encoding.ASCII.GetBytes("Subject: Re: Where is my parcel\r\nMessage-ID: <x1@example.test>\r\n\r\nOn its way.\r\n");
            var mail = services.GetRequiredService<MailOutbox>().Add(new QueuedMail(box!, ["reject-me@example.test"], [], [], content,
                $"<{Guid.NewGuid():N}@example.test>", MailPurpose.Reply, ticket.Number));
            await db.SaveChangesAsync();
            return mail.Id;
        });
        await WaitForAsync(async () => await fixture.App.WithDbAsync(db => db.OutgoingMail.FindAsync(mailId).AsTask()) is { State: DeliveryState.Failed } m ? m : null);

        foreach (var width in new[] { 1280, 360 })
        {
            var page = await fixture.SignedInPageAsync(admin, width);
            await page.GotoAsync($"/agent/tickets/{ticket.Number}");
            var panel = page.GetByRole(AriaRole.Region, new() { Name = "Email delivery" });
            await Assertions.Expect(panel).ToContainTextAsync("reject-me@example.test");
            await Assertions.Expect(panel).ToContainTextAsync("Failed");
            await Assertions.Expect(panel).ToContainTextAsync("550");
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, $"ticket-email-delivery-{width}");
        }
    }

    private static Task<T> WaitForAsync<T>(Func<T?> probe) where T : class => WaitForAsync(() => Task.FromResult(probe()));

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException("Nothing arrived within 10 s.");
    }
}
