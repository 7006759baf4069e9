using System.Net;
using System.Net.Http.Json;
using Rapport.Features.Audit;
using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Customers;

public class CustomersApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Create_ThenRead_ReturnsEveryFieldNormalised(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("Colleague");

        var response = await agent.PostAsJsonAsync("/api/v1/customers", new
        {
            kind = "internal",
            name = "  Rhiannon Evans ",
            department = "Payroll",
            emails = new[] { email.ToUpperInvariant(), RapportApp.UniqueEmail("second") },
            phones = new[] { new { number = "+44 (0)20 7946 0018", label = (string?)"desk" }, new { number = "07700 900123 x12", label = (string?)null } },
            preferredChannel = "phone",
            preferredLanguage = "cy-gb",
            communicationNeeds = "Large print.\nPrefers mornings.",
            needsAndExpectations = "Wants a call back the same day.",
        });
        var created = await response.ReadAsync<CustomerDto>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/customers/{created.Id}", response.Headers.Location?.ToString());
        Assert.Equal(CustomerKind.Internal, created.Kind);
        Assert.Equal("Rhiannon Evans", created.Name);
        Assert.Equal("Payroll", created.Department);
        Assert.Equal(email.ToLowerInvariant(), created.Emails[0]);
        Assert.Equal(2, created.Emails.Count);
        Assert.Equal([new PhoneDto("+44 (0)20 7946 0018", "desk"), new PhoneDto("07700 900123 x12", null)], created.Phones);
        Assert.Equal(Channel.Phone, created.PreferredChannel);
        Assert.Equal("cy-GB", created.PreferredLanguage);
        Assert.Equal("Large print.\nPrefers mornings.", created.CommunicationNeeds);
        Assert.Null(created.Organisation);
        Assert.Equal(created.CreatedAt, created.UpdatedAt);
        Assert.Equivalent(created, await agent.GetCustomerAsync(created.Id), strict: true);
    }

    [Theory, Providers]
    public async Task Create_WithEmailOnAnOrganisationsDomain_JoinsThatOrganisation(Db db)
    {
        var app = await fixture.For(db);
        var (_, lead) = await app.SignInAsync(Role.TeamLead);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var token = CustomerRequests.Token();
        var acme = await lead.CreateOrganisationAsync($"Acme {token}", $"acme-{token}.example");
        var other = await lead.CreateOrganisationAsync($"Other {token}", $"other-{token}.example");

        var joined = await agent.CreateCustomerAsync("Wile E", $"wile@ACME-{token}.example");
        Assert.Equal(new NamedRef(acme.Id, acme.Name), joined.Organisation);
        // The primary (first) address decides when several domains match.
        var first = await agent.CreateCustomerAsync("Road Runner", $"rr@gmail-{token}.example", $"rr@other-{token}.example", $"rr@acme-{token}.example");
        Assert.Equal(other.Id, first.Organisation?.Id);
        var chosen = await agent.CreateCustomerAsync(new { name = "Chosen", emails = new[] { $"c@acme-{token}.example" }, organisationId = other.Id });
        Assert.Equal(other.Id, chosen.Organisation?.Id);
        Assert.Null((await agent.CreateCustomerAsync("Loner", $"l@nowhere-{token}.example")).Organisation);
    }

    [Theory, Providers]
    public async Task Create_WithEmailOfAnotherCustomer_Is409NamingTheAddress(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("taken");
        await agent.CreateCustomerAsync("First Owner", email);

        var problem = await (await agent.PostAsJsonAsync("/api/v1/customers",
            new { name = "Second Owner", emails = new[] { RapportApp.UniqueEmail("free"), email.ToUpperInvariant() } })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(email, problem["detail"]!.GetValue<string>());
        var search = await agent.PageAsync<CustomerSummaryDto>($"/api/v1/customers?search={Uri.EscapeDataString(email)}");
        Assert.Equal("First Owner", Assert.Single(search.Items).Name);
    }

    [Theory, Providers]
    public async Task Create_ConcurrentlyWithOneEmail_CreatesOneCustomer_AndTheRestAre409(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            agent.PostAsJsonAsync("/api/v1/customers", new { name = $"Racer {i}", emails = new[] { email } })));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created)) await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Single((await agent.PageAsync<CustomerSummaryDto>($"/api/v1/customers?search={Uri.EscapeDataString(email)}")).Items);
    }

    [Theory, Providers]
    public async Task Create_WithInvalidFields_NamesEachField(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var good = RapportApp.UniqueEmail("good");

        var problem = await (await agent.PostAsJsonAsync("/api/v1/customers", new
        {
            name = " ",
            department = new string('d', 201),
            emails = new[] { good, "not-an-address", good.ToUpperInvariant(), "" },
            phones = new object?[] { new { number = "call me", label = "home" }, null, new { number = "0123", label = "bell\u0007" } },
            preferredChannel = "api",
            preferredLanguage = "english please",
            communicationNeeds = "Needs\u0000help",
            organisationId = long.MaxValue,
        })).InvalidAsync("name");
        var errors = problem["errors"]!.AsObject();
        string[] fields = ["name", "department", "emails[1]", "emails[2]", "emails[3]", "phones[0].number", "phones[1]", "phones[2].label",
            "preferredChannel", "preferredLanguage", "communicationNeeds", "organisationId"];
        Assert.Equal(fields.Order(), errors.Select(e => e.Key).Order());
        Assert.Contains("200", errors["department"]![0]!.GetValue<string>());
        Assert.DoesNotContain("emails[0]", errors.Select(e => e.Key));

        await (await agent.PostAsJsonAsync("/api/v1/customers", new { name = "Jo", kind = "partner" })).InvalidAsync("kind");
        await (await agent.PostAsJsonAsync("/api/v1/customers", new { name = "Jo", preferredChannel = "pigeon" })).InvalidAsync("preferredChannel");
        await (await agent.PostAsJsonAsync("/api/v1/customers", new { name = "Jo", department = "Sales" })).InvalidAsync("department");
        await (await agent.PostAsJsonAsync("/api/v1/customers", new { name = new string('n', 201) })).InvalidAsync("name");
        await (await agent.PostAsJsonAsync("/api/v1/customers",
            new { name = "Jo", emails = Enumerable.Range(0, 21).Select(i => RapportApp.UniqueEmail()).ToArray() })).InvalidAsync("emails");
    }

    [Theory, Providers]
    public async Task Create_WithSameIdempotencyKey_CreatesOnce(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var email = RapportApp.UniqueEmail("idem");
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> PostAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(new { name = "Idem Potent", emails = new[] { email } }) };
            request.Headers.Add("Idempotency-Key", key);
            return await agent.SendAsync(request);
        }

        var first = await (await PostAsync()).ReadAsync<CustomerDto>(HttpStatusCode.Created);
        var repeat = await PostAsync();
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Id, (await repeat.ReadAsync<CustomerDto>(HttpStatusCode.Created)).Id);
    }

    [Theory, Providers]
    public async Task Update_ChangesOnlyFieldsSent_NullClears_AndAuditsBeforeAndAfter(Db db)
    {
        var app = await fixture.For(db);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var (email, kept, added) = (RapportApp.UniqueEmail("old"), RapportApp.UniqueEmail("kept"), RapportApp.UniqueEmail("new"));
        var customer = await agent.CreateCustomerAsync(new
        {
            name = "Sam Old", emails = new[] { email, kept }, phones = new[] { new { number = "0161 496 0000", label = "home" } },
            preferredLanguage = "en", communicationNeeds = "BSL interpreter",
        });

        var updated = await (await agent.PatchJsonAsync($"/api/v1/customers/{customer.Id}", new
        {
            name = "Sam New", emails = new[] { kept.ToUpperInvariant(), added }, phones = Array.Empty<object>(), communicationNeeds = (string?)null,
            preferredChannel = "email",
        })).ReadAsync<CustomerDto>();
        Assert.Equal("Sam New", updated.Name);
        Assert.Equal([kept, added], updated.Emails);
        Assert.Empty(updated.Phones);
        Assert.Null(updated.CommunicationNeeds);
        Assert.Equal("en", updated.PreferredLanguage);
        Assert.Equal(Channel.Email, updated.PreferredChannel);
        Assert.Equal(customer.CreatedAt, updated.CreatedAt);
        Assert.True(updated.UpdatedAt > customer.UpdatedAt);

        var audit = await agent.PageAsync<AuditEventDto>($"/api/v1/customers/{customer.Id}/audit");
        Assert.Equal(["created", "updated"], audit.Items.Select(a => a.Action));
        Assert.Equal("Sam Old", audit.Changes("created").After("name"));
        var changes = audit.Changes("updated");
        Assert.Equal(agentUser.Id, audit.Items[1].ActorUserId);
        Assert.Equal(("Sam Old", "Sam New"), (changes.Before("name"), changes.After("name")));
        Assert.Equal(string.Join(", ", new[] { email, kept }.Order(StringComparer.Ordinal)), changes.Before("emails"));
        Assert.Equal(string.Join(", ", new[] { kept, added }.Order(StringComparer.Ordinal)), changes.After("emails"));
        Assert.Equal((email, kept), (changes.Before("primaryEmail"), changes.After("primaryEmail")));
        Assert.Equal(("0161 496 0000 (home)", ""), (changes.Before("phones"), changes.After("phones")));
        Assert.Equal(("BSL interpreter", null), (changes.Before("communicationNeeds"), changes.After("communicationNeeds")));
        Assert.Null(changes.Before("preferredChannel"));
        Assert.Equal("email", changes.After("preferredChannel"));
        Assert.False(changes.ContainsKey("preferredLanguage"));
        Assert.False(changes.ContainsKey("updatedAt"));

        // Sending what is already there changes nothing: no new audit event, no new timestamp.
        var same = await (await agent.PatchJsonAsync($"/api/v1/customers/{customer.Id}", new { name = "Sam New", emails = new[] { kept, added } })).ReadAsync<CustomerDto>();
        Assert.Equal(updated.UpdatedAt, same.UpdatedAt);
        Assert.Equal(2, (await agent.PageAsync<AuditEventDto>($"/api/v1/customers/{customer.Id}/audit")).Items.Count);
    }

    [Theory, Providers]
    public async Task Update_Refusals_NameTheFieldOrTheConflict(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var taken = RapportApp.UniqueEmail("owned");
        await agent.CreateCustomerAsync("Owner", taken);
        var customer = await agent.CreateCustomerAsync("Changer", RapportApp.UniqueEmail("changer"));
        var url = $"/api/v1/customers/{customer.Id}";

        var conflict = await (await agent.PatchJsonAsync(url, new { emails = new[] { taken } })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(taken, conflict["detail"]!.GetValue<string>());
        await (await agent.PatchJsonAsync(url, new { name = (string?)null })).InvalidAsync("name");
        await (await agent.PatchJsonAsync(url, new { kind = (string?)null })).InvalidAsync("kind");
        await (await agent.PatchJsonAsync(url, new { kind = "supplier" })).InvalidAsync("kind");
        await (await agent.PatchJsonAsync(url, new { emails = new[] { "a@b" } })).InvalidAsync("emails[0]");
        await (await agent.PatchJsonAsync(url, new { preferredLanguage = "en_GB" })).InvalidAsync("preferredLanguage");
        await (await agent.PatchJsonAsync(url, new { department = "Finance" })).InvalidAsync("department");
        await (await agent.PatchJsonAsync(url, new { name = "Bad\u001bName" })).InvalidAsync("name");
        await (await agent.PatchJsonAsync("/api/v1/customers/999999999", new { name = "Nobody" })).ProblemAsync(HttpStatusCode.NotFound);

        var colleague = await (await agent.PatchJsonAsync(url, new { kind = "internal", department = "Finance" })).ReadAsync<CustomerDto>();
        Assert.Equal((CustomerKind.Internal, "Finance"), (colleague.Kind, colleague.Department));
        Assert.Equal("Changer", (await agent.GetCustomerAsync(customer.Id)).Name);
    }

    [Theory, Providers]
    public async Task Tickets_ListsTheCustomersTickets_ForStaff(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var customer = await agent.CreateCustomerAsync("Ticket Holder", RapportApp.UniqueEmail("holder"));
        var other = await agent.CreateCustomerAsync("Someone Else", RapportApp.UniqueEmail("else"));
        var numbers = new List<long>();
        foreach (var (requester, subject) in new[] { (customer, "First"), (other, "Not theirs"), (customer, "Second") })
            numbers.Add((await (await agent.PostAsJsonAsync("/api/v1/tickets", new { subject, body = "Hello", requesterId = requester.Id }))
                .ReadAsync<TicketDto>(HttpStatusCode.Created)).Number);

        var tickets = await agent.AllPagesAsync<TicketDto>($"/api/v1/customers/{customer.Id}/tickets", limit: 1);
        Assert.Equal([numbers[2], numbers[0]], tickets.Select(t => t.Number));
        Assert.Empty((await agent.PageAsync<TicketDto>($"/api/v1/customers/{customer.Id}/tickets?status=solved")).Items);
        await (await agent.GetAsync($"/api/v1/customers/{customer.Id}/tickets?status=done")).InvalidAsync("status");
        await (await agent.GetAsync("/api/v1/customers/999999999/tickets")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
