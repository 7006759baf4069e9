using System.Net;
using Rapport.Features.People;
using Rapport.Tests.Customers;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Routing;

namespace Rapport.Tests.CannedReplies;

/// <summary>The composer's "#…" fragment: the caller's replies, in the requester's language or any, filled in and escaped.</summary>
public class CannedReplyComposerTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Suggestions_AreFilledForTheTicket_InTheRequestersLanguageOrAny_AndOnlyTheCallers(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, colleague) = await app.SignInAsync(Role.Agent);
        var token = CannedReplyRequests.Token();
        var requester = await agent.CreateCustomerAsync(new { name = "Greta Berg", emails = new[] { RapportApp.UniqueEmail("greta") }, preferredLanguage = "de" });
        var ticket = await agent.CreateTicketAsync(requesterId: requester.Id);
        await agent.CreateCannedReplyAsync(new { title = $"{token} german", body = "Hallo {{customer.first_name}} <b>", language = "de" });
        await agent.CreateCannedReplyAsync(new { title = $"{token} english", body = "Hello {{customer.first_name}}", language = "en" });
        await agent.CreateCannedReplyAsync(new { title = $"{token} any", body = "#{{ticket.number}}" });
        await colleague.CreateCannedReplyAsync(new { title = $"{token} theirs", body = "Not yours" });

        var response = await agent.GetAsync($"/agent/tickets/{ticket.Number}/canned-replies?q=%23{token.ToUpperInvariant()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hallo Greta &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains($"#{ticket.Number}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{token} english", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{token} theirs", html, StringComparison.Ordinal);
        Assert.Contains("data-canned-count=\"2\"", html, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Suggestions_AreForStaffOnly_AndEmptyForNoText(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var ticket = await agent.CreateTicketAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync($"/agent/tickets/{ticket.Number}/canned-replies?q=a")).StatusCode);
        var empty = await (await agent.GetAsync($"/agent/tickets/{ticket.Number}/canned-replies?q=")).Content.ReadAsStringAsync();
        Assert.Contains("data-canned-count=\"0\"", empty, StringComparison.Ordinal);
    }
}
