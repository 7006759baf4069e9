using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Access;

/// <summary>A customer sees their own tickets, and their organisation's only where it shares; nothing else exists for them.</summary>
public class CustomerIsolationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task CustomerA_Gets404ForCustomerBsTicket_AndNeverSeesItInLists(Db db)
    {
        var app = await fixture.For(db);
        var (_, a) = await app.SignInAsync(Role.Customer);
        var (_, b) = await app.SignInAsync(Role.Customer);
        var mine = await (await a.PostAsJsonAsync("/api/v1/tickets", new { subject = "Mine", body = "A's question" })).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var theirs = await (await b.PostAsJsonAsync("/api/v1/tickets", new { subject = "Theirs", body = "B's question" })).ReadAsync<TicketDto>(HttpStatusCode.Created);

        await (await a.GetAsync($"/api/v1/tickets/{theirs.Number}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await a.GetAsync($"/api/v1/tickets/{theirs.Number}/messages")).ProblemAsync(HttpStatusCode.NotFound);
        await (await a.PostAsJsonAsync($"/api/v1/tickets/{theirs.Number}/messages", new { body = "sneaky" })).ProblemAsync(HttpStatusCode.NotFound);
        var listed = await (await a.GetAsync("/api/v1/tickets?limit=100")).ReadAsync<Page<TicketDto>>();
        Assert.Equal([mine.Number], listed.Items.Select(t => t.Number));
        var byRequester = await (await a.GetAsync($"/api/v1/tickets?requester={theirs.Requester.Id}")).ReadAsync<Page<TicketDto>>();
        Assert.Empty(byRequester.Items);
    }

    [Theory, Providers]
    public async Task Customer_DoesNotSeeInternalNotes_NorStaffOnlyActions(Db db)
    {
        var app = await fixture.For(db);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await (await customer.PostAsJsonAsync("/api/v1/tickets", new { subject = "Notes", body = "Hello" })).ReadAsync<TicketDto>(HttpStatusCode.Created);
        await (await agent.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages", new { body = "They were rude on the phone", visibility = "internal" }))
            .ReadAsync<MessageDto>(HttpStatusCode.Created);
        await (await agent.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages", new { body = "Thanks, we are on it" }))
            .ReadAsync<MessageDto>(HttpStatusCode.Created);

        var seen = await (await customer.GetAsync($"/api/v1/tickets/{ticket.Number}/messages")).ReadAsync<Page<MessageDto>>();
        Assert.Equal(2, seen.Items.Count);
        Assert.All(seen.Items, m => Assert.Equal(MessageVisibility.Public, m.Visibility));
        await (await customer.PostAsJsonAsync($"/api/v1/tickets/{ticket.Number}/messages", new { body = "note?", visibility = "internal" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        await (await customer.PatchJsonAsync($"/api/v1/tickets/{ticket.Number}", new { priority = "urgent" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.GetAsync($"/api/v1/tickets/{ticket.Number}/audit")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task OrganisationThatShares_LetsColleaguesSeeEachOthersTickets(Db db)
    {
        var app = await fixture.For(db);
        var domain = $"org{Guid.NewGuid():N}"[..16] + ".test";
        var organisationId = await app.WithDbAsync(async data =>
        {
            var organisation = new Organisation { Name = "Acme " + domain, Domains = [new OrganisationDomain { Domain = domain }], SharesTickets = false };
            data.Organisations.Add(organisation);
            await data.SaveChangesAsync();
            return organisation.Id;
        });
        var ana = await app.CreateUserAsync(Role.Customer, email: $"ana@{domain}");
        var ben = await app.CreateUserAsync(Role.Customer, email: $"ben@{domain}");
        var anaClient = app.ClientFor(ana);
        var benClient = app.ClientFor(ben);
        var anasTicket = await (await anaClient.PostAsJsonAsync("/api/v1/tickets", new { subject = "Invoice", body = "Wrong VAT" })).ReadAsync<TicketDto>(HttpStatusCode.Created);
        Assert.Equal(organisationId, anasTicket.Organisation?.Id);

        await (await benClient.GetAsync($"/api/v1/tickets/{anasTicket.Number}")).ProblemAsync(HttpStatusCode.NotFound);

        await app.WithDbAsync(data => data.Organisations.Where(o => o.Id == organisationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.SharesTickets, true)));
        var shared = await (await benClient.GetAsync($"/api/v1/tickets/{anasTicket.Number}")).ReadAsync<TicketDto>();
        Assert.Equal(anasTicket.Number, shared.Number);
        var list = await (await benClient.GetAsync("/api/v1/tickets")).ReadAsync<Page<TicketDto>>();
        Assert.Contains(anasTicket.Number, list.Items.Select(t => t.Number));
    }
}
