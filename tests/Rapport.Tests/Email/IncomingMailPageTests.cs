using System.Net;
using System.Text.RegularExpressions;
using Rapport.Features.Email.Intake;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Email;

/// <summary>The admin's incoming mail page (/admin/mail) as the server renders it: who may open it, hostile text, paging.</summary>
public partial class IncomingMailPageTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    [Theory, Providers]
    public async Task ThePage_IsForAdminsOnly(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();

        foreach (var role in new[] { Role.Agent, Role.TeamLead, Role.Manager, Role.Customer })
        {
            var (_, client) = await app.SignInAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/mail")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await relay.GetAsync("/admin/mail")).StatusCode);
        var anonymous = await app.AnonymousClient().GetAsync("/admin/mail");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/signin", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/mail")).StatusCode);
    }

    [Theory, Providers]
    public async Task HostileSubjectsAndReasons_AreShownAsText(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var receipt = await relay.ReceiveAsync(System.Text.Encoding.ASCII.GetBytes(
            $"From: <script>alert(1)</script>\r\nSubject: <script>alert('{tag}')</script>\r\nMessage-ID: <{tag}@nowhere.test>\r\n\r\nHi\r\n"));
        var (_, admin) = await app.SignInAsync(Role.Admin);

        var html = await (await admin.GetAsync("/admin/mail?status=unprocessable")).Content.ReadAsStringAsync();

        Assert.Equal(InboundMailStatus.Unprocessable, receipt.Status);
        Assert.Contains($"data-mail-row=\"{receipt.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"&lt;script&gt;alert(&#x27;{tag}&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task AnUnknownStatus_IsExplained_AndTheOlderLink_PagesByCursor(Db db)
    {
        var app = await fixture.For(db);
        var relay = await app.RelayClientAsync();
        // More than a page of messages without a sender: each is set aside at once.
        for (var i = 0; i < 26; i++)
            await relay.ReceiveAsync(System.Text.Encoding.ASCII.GetBytes($"Subject: page {i}\r\nMessage-ID: <{Guid.NewGuid():N}@nowhere.test>\r\n\r\n?\r\n"));
        var (_, admin) = await app.SignInAsync(Role.Admin);

        var unknown = await (await admin.GetAsync("/admin/mail?status=lost")).Content.ReadAsStringAsync();
        Assert.Contains("The status filter has a value Rapport does not know", unknown, StringComparison.Ordinal);

        var first = await (await admin.GetAsync("/admin/mail")).Content.ReadAsStringAsync();
        var older = OlderLink().Match(first);
        Assert.True(older.Success, "The first page has no Older link");
        var second = await (await admin.GetAsync(WebUtility.HtmlDecode(older.Groups[1].Value))).Content.ReadAsStringAsync();
        var (firstIds, secondIds) = (RowIds(first), RowIds(second));
        Assert.Equal(25, firstIds.Count);
        Assert.NotEmpty(secondIds);
        Assert.True(secondIds.Max() < firstIds.Min(), "The older page repeats or skips ahead");
        Assert.Contains(">Newest</a>", second, StringComparison.Ordinal);
    }

    private static List<long> RowIds(string html) =>
        [.. RowId().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex("""href="([^"]+)" rel="next">Older""")]
    private static partial Regex OlderLink();

    [GeneratedRegex("data-mail-row=\"(\\d+)\"")]
    private static partial Regex RowId();
}
