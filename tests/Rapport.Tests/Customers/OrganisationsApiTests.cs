using System.Net;
using System.Net.Http.Json;
using Rapport.Features.Audit;
using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Customers;

public class OrganisationsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Create_ThenRead_NormalisesDomains(Db db)
    {
        var app = await fixture.For(db);
        var (_, lead) = await app.SignInAsync(Role.TeamLead);
        var token = CustomerRequests.Token();

        var response = await lead.PostAsJsonAsync("/api/v1/organisations", new
        {
            name = $"  Globex {token} ", sharesTickets = true, notes = "Key account.\nRenewal in May.",
            domains = new[] { $" Mail.GLOBEX-{token}.example ", $"globex-{token}.example" },
        });
        var created = await response.ReadAsync<OrganisationDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/organisations/{created.Id}", response.Headers.Location?.ToString());
        Assert.Equal($"Globex {token}", created.Name);
        Assert.True(created.SharesTickets);
        Assert.Equal([$"globex-{token}.example", $"mail.globex-{token}.example"], created.Domains);
        Assert.Equivalent(created, await (await lead.GetAsync($"/api/v1/organisations/{created.Id}")).ReadAsync<OrganisationDto>(), strict: true);
        await (await lead.GetAsync("/api/v1/organisations/999999999")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Create_WithInvalidFields_NamesEachField_AndATakenDomainIs409(Db db)
    {
        var app = await fixture.For(db);
        var (_, lead) = await app.SignInAsync(Role.TeamLead);
        var token = CustomerRequests.Token();
        await lead.CreateOrganisationAsync($"First {token}", $"first-{token}.example");

        var problem = await (await lead.PostAsJsonAsync("/api/v1/organisations", new
        {
            name = "",
            notes = new string('n', 4001),
            domains = new[] { $"ok-{token}.example", "not a domain", "-bad.example", "localhost", "10.0.0.1", $"OK-{token}.example", "" },
        })).InvalidAsync("name");
        string[] fields = ["name", "notes", "domains[1]", "domains[2]", "domains[3]", "domains[4]", "domains[5]", "domains[6]"];
        Assert.Equal(fields.Order(), problem["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await lead.PostAsJsonAsync("/api/v1/organisations", new { name = "Bell\u0007 Ltd" })).InvalidAsync("name");
        await (await lead.PostAsJsonAsync("/api/v1/organisations", new { name = "Shares", sharesTickets = "yes" })).InvalidAsync("sharesTickets");

        var conflict = await (await lead.PostAsJsonAsync("/api/v1/organisations",
            new { name = $"Second {token}", domains = new[] { $"second-{token}.example", $"FIRST-{token}.example" } })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"first-{token}.example", conflict["detail"]!.GetValue<string>());
        Assert.Empty((await lead.PageAsync<OrganisationDto>($"/api/v1/organisations?search=second {token}")).Items);
    }

    [Theory, Providers]
    public async Task Update_ChangesFieldsSent_ReplacesDomains_AndAuditsEveryWrite(Db db)
    {
        var app = await fixture.For(db);
        var (leadUser, lead) = await app.SignInAsync(Role.TeamLead);
        var token = CustomerRequests.Token();
        var other = await lead.CreateOrganisationAsync($"Other {token}", $"other-{token}.example");
        var organisation = await lead.CreateOrganisationAsync($"Initech {token}", $"initech-{token}.example", $"old-{token}.example");
        var url = $"/api/v1/organisations/{organisation.Id}";

        var updated = await (await lead.PatchJsonAsync(url, new
        {
            sharesTickets = true, notes = "Moved offices",
            domains = new[] { $"initech-{token}.example", $"NEW-{token}.example" },
        })).ReadAsync<OrganisationDto>();
        Assert.Equal(organisation.Name, updated.Name);
        Assert.True(updated.SharesTickets);
        Assert.Equal([$"initech-{token}.example", $"new-{token}.example"], updated.Domains);
        Assert.True(updated.UpdatedAt > organisation.UpdatedAt);

        var conflict = await (await lead.PatchJsonAsync(url, new { domains = new[] { $"other-{token}.example" } })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"other-{token}.example", conflict["detail"]!.GetValue<string>());
        await (await lead.PatchJsonAsync(url, new { name = (string?)null })).InvalidAsync("name");
        await (await lead.PatchJsonAsync(url, new { sharesTickets = (bool?)null })).InvalidAsync("sharesTickets");
        await (await lead.PatchJsonAsync(url, new { domains = new[] { "under_score.example" } })).InvalidAsync("domains[0]");
        await (await lead.PatchJsonAsync("/api/v1/organisations/999999999", new { notes = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        var cleared = await (await lead.PatchJsonAsync(url, new { notes = (string?)null, domains = (string[]?)null })).ReadAsync<OrganisationDto>();
        Assert.Null(cleared.Notes);
        Assert.Empty(cleared.Domains);
        Assert.Equal([$"other-{token}.example"], (await (await lead.GetAsync($"/api/v1/organisations/{other.Id}")).ReadAsync<OrganisationDto>()).Domains);

        var audit = await lead.PageAsync<AuditEventDto>($"{url}/audit");
        Assert.Equal(["created", "updated", "updated"], audit.Items.Select(a => a.Action));
        Assert.All(audit.Items, a => Assert.Equal(leadUser.Id, a.ActorUserId));
        var first = audit.Items[1].ChangesOf();
        Assert.Equal(("false", "true"), (first.Before("sharesTickets"), first.After("sharesTickets")));
        Assert.Equal($"initech-{token}.example, old-{token}.example", first.Before("domains"));
        Assert.Equal($"initech-{token}.example, new-{token}.example", first.After("domains"));
        Assert.False(first.ContainsKey("name"));
    }

    [Theory, Providers]
    public async Task List_SearchesByNamePrefix_AndPages(Db db)
    {
        var app = await fixture.For(db);
        var (_, lead) = await app.SignInAsync(Role.TeamLead);
        var token = CustomerRequests.Token();
        var created = new List<OrganisationDto>();
        foreach (var name in new[] { "Umbrella", "Aperture", "Cyberdyne", "Aperture", "Tyrell" })
            created.Add(await lead.CreateOrganisationAsync($"{token} {name}"));

        var listed = await lead.AllPagesAsync<OrganisationDto>($"/api/v1/organisations?search={token.ToUpperInvariant()}", limit: 2);
        Assert.Equal(created.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id).Select(o => o.Id), listed.Select(o => o.Id));
        var aperture = await lead.PageAsync<OrganisationDto>($"/api/v1/organisations?search={token}%20aPERTURE");
        Assert.Equal(2, aperture.Items.Count);
        await (await lead.GetAsync("/api/v1/organisations?cursor=bad")).InvalidAsync("cursor");
        await (await lead.GetAsync("/api/v1/organisations?limit=101")).InvalidAsync("limit");
    }

    [Theory, Providers]
    public async Task Customers_ListsMembersByName_Paged(Db db)
    {
        var app = await fixture.For(db);
        var (_, lead) = await app.SignInAsync(Role.TeamLead);
        var token = CustomerRequests.Token();
        var organisation = await lead.CreateOrganisationAsync($"Members {token}", $"members-{token}.example");
        var members = new List<CustomerDto>();
        foreach (var name in new[] { "Carol", "Alice", "Bob" })
            members.Add(await lead.CreateCustomerAsync(name, $"{name.ToLowerInvariant()}@members-{token}.example"));
        await lead.CreateCustomerAsync("Outsider", $"outsider-{token}@example.test");

        var listed = await lead.AllPagesAsync<CustomerSummaryDto>($"/api/v1/organisations/{organisation.Id}/customers", limit: 2);
        Assert.Equal(["Alice", "Bob", "Carol"], listed.Select(c => c.Name));
        Assert.All(listed, c => Assert.Equal(organisation.Id, c.Organisation?.Id));
        var bob = await lead.PageAsync<CustomerSummaryDto>($"/api/v1/organisations/{organisation.Id}/customers?search=BOB");
        Assert.Equal("Bob", Assert.Single(bob.Items).Name);
        await (await lead.GetAsync("/api/v1/organisations/999999999/customers")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
