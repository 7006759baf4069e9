using System.Net;
using System.Net.Http.Json;
using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Customers;

/// <summary>Who may see and change which customer records.</summary>
public class CustomerAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Customer_SeesOwnRecordAndTickets_AndGets404ForAnyoneElses(Db db)
    {
        var app = await fixture.For(db);
        var (userA, customerA) = await app.SignInAsync(Role.Customer);
        var (userB, customerB) = await app.SignInAsync(Role.Customer);
        var ticketA = await (await customerA.PostAsJsonAsync("/api/v1/tickets", new { subject = "Mine", body = "A's question" })).ReadAsync<TicketDto>(HttpStatusCode.Created);
        await (await customerB.PostAsJsonAsync("/api/v1/tickets", new { subject = "B's", body = "B's question" })).ReadAsync<TicketDto>(HttpStatusCode.Created);

        var own = await customerA.GetCustomerAsync(userA.CustomerId!.Value);
        Assert.Equal(userA.Email, Assert.Single(own.Emails));
        var ownTickets = await customerA.PageAsync<TicketDto>($"/api/v1/customers/{userA.CustomerId}/tickets");
        Assert.Equal(ticketA.Number, Assert.Single(ownTickets.Items).Number);

        // Someone else's record answers exactly as a record that does not exist: no hint that it does.
        var other = await (await customerA.GetAsync($"/api/v1/customers/{userB.CustomerId}")).ProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await customerA.GetAsync("/api/v1/customers/999999999")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(missing["title"]!.GetValue<string>(), other["title"]!.GetValue<string>());
        await (await customerA.GetAsync($"/api/v1/customers/{userB.CustomerId}/tickets")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Customer_Gets403_OnStaffOnlyEndpoints(Db db)
    {
        var app = await fixture.For(db);
        var (user, customer) = await app.SignInAsync(Role.Customer);
        var id = user.CustomerId!.Value;

        await (await customer.PostAsJsonAsync("/api/v1/customers", new { name = "Self Made" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.GetAsync("/api/v1/customers")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.PatchJsonAsync($"/api/v1/customers/{id}", new { name = "Renamed" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.GetAsync($"/api/v1/customers/{id}/audit")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.GetAsync("/api/v1/organisations")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.PostAsJsonAsync("/api/v1/organisations", new { name = "Mine Ltd" })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.NotEqual("Renamed", (await customer.GetCustomerAsync(id)).Name);
    }

    [Theory, Providers]
    public async Task Anonymous_Gets401_Everywhere(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var customer = await agent.CreateCustomerAsync("Private Person", RapportApp.UniqueEmail("private"));
        var anonymous = app.AnonymousClient();

        await (await anonymous.GetAsync($"/api/v1/customers/{customer.Id}")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"/api/v1/customers/{customer.Id}/tickets")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/v1/customers?search=private")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/v1/customers", new { name = "Sneaky" })).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/v1/organisations")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, Providers]
    public async Task Agent_ReadsOrganisations_ButOnlySupervisorsChangeThem(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var organisation = await manager.CreateOrganisationAsync($"Managed {CustomerRequests.Token()}");

        await (await agent.PostAsJsonAsync("/api/v1/organisations", new { name = "Agent Ltd" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PatchJsonAsync($"/api/v1/organisations/{organisation.Id}", new { sharesTickets = true })).ProblemAsync(HttpStatusCode.Forbidden);
        var read = await (await agent.GetAsync($"/api/v1/organisations/{organisation.Id}")).ReadAsync<OrganisationDto>();
        Assert.False(read.SharesTickets);
    }
}
