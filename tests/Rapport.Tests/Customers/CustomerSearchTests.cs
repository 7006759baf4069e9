using System.Net;
using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Customers;

/// <summary>Listing, searching and paging customers. Each test's names start with its own token, so searches see only its data.</summary>
public class CustomerSearchTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task List_PagesByNameThenId_WithoutGapsOrRepeats(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var token = CustomerRequests.Token();
        // Created out of order, with two customers of the same name so the id breaks the tie.
        var names = new[] { "delta", "alpha", "charlie", "bravo", "alpha", "echo", "bravo" };
        var created = new List<CustomerDto>();
        foreach (var name in names) created.Add(await agent.CreateCustomerAsync($"{token} {name}"));

        var listed = await agent.AllPagesAsync<CustomerSummaryDto>($"/api/v1/customers?search={token}", limit: 2);
        var expected = created.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).Select(c => c.Id);
        Assert.Equal(expected, listed.Select(c => c.Id));
    }

    [Theory, Providers]
    public async Task Search_MatchesTheStartOfANameOrAnAddress_InAnyCase(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var token = CustomerRequests.Token();
        var jones = await agent.CreateCustomerAsync($"Q{token} Jones", $"mail-{token}@example.test");
        var élodie = await agent.CreateCustomerAsync($"Élodie {token}", $"{token}-elodie@example.test");
        var other = await agent.CreateCustomerAsync($"Someone {token}", $"someone-{token}@Example.test");

        async Task<long[]> SearchAsync(string text) =>
            (await agent.PageAsync<CustomerSummaryDto>($"/api/v1/customers?search={Uri.EscapeDataString(text)}")).Items.Select(c => c.Id).Order().ToArray();

        Assert.Equal([jones.Id], await SearchAsync($"q{token.ToUpperInvariant()} jO"));
        Assert.Equal([jones.Id], await SearchAsync($"MAIL-{token}@"));
        Assert.Equal([élodie.Id], await SearchAsync($"éLODIE {token}"));
        Assert.Equal([élodie.Id], await SearchAsync(token));
        Assert.Equal([other.Id], await SearchAsync($"someone-{token}@example.TEST"));
        Assert.Empty(await SearchAsync($"Jones {token}"));
        Assert.Empty(await SearchAsync($"{token}@"));
        var summary = (await agent.PageAsync<CustomerSummaryDto>($"/api/v1/customers?search=q{token}")).Items.Single();
        Assert.Equal(($"mail-{token}@example.test", CustomerKind.External), (summary.Email, summary.Kind));
    }

    [Theory, Providers]
    public async Task List_FiltersByOrganisationAndKind(Db db)
    {
        var app = await fixture.For(db);
        var (_, lead) = await app.SignInAsync(Role.TeamLead);
        var token = CustomerRequests.Token();
        var organisation = await lead.CreateOrganisationAsync($"Filters {token}", $"filters-{token}.example");
        var member = await lead.CreateCustomerAsync($"{token} member", $"m@filters-{token}.example");
        var colleague = await lead.CreateCustomerAsync(new { name = $"{token} colleague", kind = "internal", organisationId = organisation.Id });
        var loner = await lead.CreateCustomerAsync($"{token} loner", $"l-{token}@example.test");

        async Task<long[]> IdsAsync(string query) =>
            (await lead.PageAsync<CustomerSummaryDto>($"/api/v1/customers?search={token}&{query}")).Items.Select(c => c.Id).ToArray();
        Assert.Equal([colleague.Id, member.Id], await IdsAsync($"organisation={organisation.Id}"));
        Assert.Equal([loner.Id], await IdsAsync("organisation=none"));
        Assert.Equal([colleague.Id], await IdsAsync("kind=internal"));
        Assert.Equal([member.Id], await IdsAsync($"organisation={organisation.Id}&kind=external"));
        Assert.Equal(new NamedRef(organisation.Id, organisation.Name),
            (await lead.PageAsync<CustomerSummaryDto>($"/api/v1/customers?search={token}%20member")).Items.Single().Organisation);
    }

    [Theory, Providers]
    public async Task List_RefusesBadParameters_NamingThem(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        await (await agent.GetAsync("/api/v1/customers?kind=partner")).InvalidAsync("kind");
        await (await agent.GetAsync("/api/v1/customers?organisation=acme")).InvalidAsync("organisation");
        await (await agent.GetAsync("/api/v1/customers?cursor=nonsense")).InvalidAsync("cursor");
        await (await agent.GetAsync("/api/v1/customers?limit=0")).InvalidAsync("limit");
        await (await agent.GetAsync("/api/v1/customers?limit=1000")).InvalidAsync("limit");
        await (await agent.GetAsync("/api/v1/customers?search=%07bell")).InvalidAsync("search");
        await (await agent.GetAsync($"/api/v1/customers?search={new string('s', 255)}")).InvalidAsync("search");
        var page = await (await agent.GetAsync("/api/v1/customers?limit=1")).ReadAsync<Rapport.Infrastructure.Paging.Page<CustomerSummaryDto>>(HttpStatusCode.OK);
        Assert.True(page.Items.Count <= 1);
    }
}
