using System.Net;
using System.Net.Http.Json;
using Rapport.Features.People;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.People;

public class UsersApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Create_ThenRead_ReturnsUserInTeams_WithoutSecrets(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var team = await admin.CreateTeamAsync();
        var email = RapportApp.UniqueEmail("new");

        var response = await admin.PostAsJsonAsync("/api/v1/users",
            PeopleRequests.NewUser(email, "team_lead", "  Jo Newcomer ", [team.Id]), Api.Json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        foreach (var secret in new[] { "password", "passwordHash", "securityStamp", "concurrencyStamp", "token", "normalizedEmail" })
            Assert.DoesNotContain($"\"{secret}\"", body, StringComparison.OrdinalIgnoreCase);
        var created = await response.ReadAsync<UserDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/users/{created.Id}", response.Headers.Location?.ToString());
        Assert.Equal(email, created.Email);
        Assert.Equal("Jo Newcomer", created.Name);
        Assert.Equal(Role.TeamLead, created.Role);
        Assert.True(created.IsActive);
        Assert.Equal([new TeamRef(team.Id, team.Name)], created.Teams);

        var read = await (await admin.GetAsync($"/api/v1/users/{created.Id}")).ReadAsync<UserDto>();
        Assert.Equivalent(created, read, strict: true);
        var members = await (await admin.GetAsync($"/api/v1/teams/{team.Id}")).ReadAsync<TeamDto>();
        Assert.Equal(created.Id, Assert.Single(members.Members).Id);
        Assert.Equal(HttpStatusCode.OK, (await app.SignInWithPasswordAsync(email, RapportApp.Password)).StatusCode);
    }

    [Theory, Providers]
    public async Task Create_CustomerUser_IsLinkedToTheCustomer(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (customer, _) = await app.SignInAsync(Role.Customer);

        var created = await admin.CreateUserAsync(PeopleRequests.NewUser(role: "customer", customerId: customer.CustomerId));
        Assert.Equal(Role.Customer, created.Role);
        Assert.Equal(customer.CustomerId, created.CustomerId);
        await (await admin.PostAsJsonAsync("/api/v1/users", PeopleRequests.NewUser(role: "customer"))).InvalidAsync("customerId");
    }

    [Theory, Providers]
    public async Task Create_WithSameIdempotencyKey_CreatesOnce(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var body = PeopleRequests.NewUser();
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> PostAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await admin.SendAsync(request);
        }

        var first = await (await PostAsync()).ReadAsync<UserDto>(HttpStatusCode.Created);
        var repeat = await PostAsync();
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Id, (await repeat.ReadAsync<UserDto>(HttpStatusCode.Created)).Id);
    }

    [Theory, Providers]
    public async Task Create_WithInvalidInput_NamesTheField(Db db)
    {
        var app = await fixture.For(db);
        var (adminUser, admin) = await app.SignInAsync(Role.Admin);
        var team = await admin.CreateTeamAsync();
        Task<HttpResponseMessage> PostAsync(object body) => admin.PostAsJsonAsync("/api/v1/users", body, Api.Json);

        await (await PostAsync(PeopleRequests.NewUser(email: "not-an-email"))).InvalidAsync("email");
        await (await PostAsync(PeopleRequests.NewUser(email: adminUser.Email.ToUpperInvariant()))).InvalidAsync("email");
        await (await PostAsync(PeopleRequests.NewUser(name: new string('n', 201)))).InvalidAsync("name");
        await (await PostAsync(PeopleRequests.NewUser(role: "wizard"))).InvalidAsync("role");
        await (await PostAsync(PeopleRequests.NewUser(teamIds: [team.Id, long.MaxValue]))).InvalidAsync("teamIds");
        var weak = new { email = RapportApp.UniqueEmail(), name = "Weak", role = "agent", password = "password" };
        var problem = await (await PostAsync(weak)).InvalidAsync("password");
        Assert.False(problem["errors"]!.AsObject().ContainsKey("email"));

        var (customer, _) = await app.SignInAsync(Role.Customer);
        await (await PostAsync(PeopleRequests.NewUser(role: "customer", customerId: customer.CustomerId, teamIds: [team.Id]))).InvalidAsync("teamIds");
        Assert.Empty((await (await admin.GetAsync($"/api/v1/teams/{team.Id}")).ReadAsync<TeamDto>()).Members);
    }

    [Theory, Providers]
    public async Task List_PagesByName_WithoutGapsOrRepeats(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var family = "Pager" + Guid.NewGuid().ToString("N")[..8];
        var created = new List<Guid>();
        // Two people share a name, so the cursor must also break ties.
        foreach (var given in new[] { "Eve", "Bo", "Cy", "Al", "Bo" })
            created.Add((await admin.CreateUserAsync(PeopleRequests.NewUser(name: $"{family} {given}"))).Id);

        var seen = new List<UserDto>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await agent.GetAsync($"/api/v1/users?search={family}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}")))
                .ReadAsync<Page<UserDto>>();
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(created.Order(), seen.Select(u => u.Id).Order());
        Assert.Equal(["Al", "Bo", "Bo", "Cy", "Eve"], seen.Select(u => u.Name.Split(' ')[1]));
    }

    [Theory, Providers]
    public async Task List_SearchesNameWordsAndEmailPrefix_AndFilters(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (_, lead) = await app.SignInAsync(Role.TeamLead);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var smith = await admin.CreateUserAsync(PeopleRequests.NewUser($"zz{tag}-a@example.test", "agent", $"Jane Smith{tag}"));
        var jones = await admin.CreateUserAsync(PeopleRequests.NewUser($"zz{tag}-b@example.test", "manager", $"Smith{tag} Jones"));
        await (await admin.PatchJsonAsync($"/api/v1/users/{jones.Id}", new { isActive = false })).ReadAsync<UserDto>();

        async Task<Guid[]> IdsAsync(string query) =>
            (await (await lead.GetAsync($"/api/v1/users?{query}")).ReadAsync<Page<UserDto>>()).Items.Select(u => u.Id).ToArray();
        Assert.Equal([smith.Id, jones.Id], await IdsAsync($"search=smith{tag}"));
        Assert.Equal([smith.Id, jones.Id], await IdsAsync($"search=ZZ{tag}"));
        Assert.Empty(await IdsAsync($"search=mith{tag}"));
        Assert.Equal([jones.Id], await IdsAsync($"search=smith{tag}&role=manager,admin"));
        Assert.Equal([smith.Id], await IdsAsync($"search=smith{tag}&active=true"));
        Assert.Equal([jones.Id], await IdsAsync($"search=smith{tag}&active=false"));

        await (await lead.GetAsync("/api/v1/users?role=wizard")).InvalidAsync("role");
        await (await lead.GetAsync("/api/v1/users?active=maybe")).InvalidAsync("active");
        await (await lead.GetAsync("/api/v1/users?cursor=nonsense")).InvalidAsync("cursor");
        await (await lead.GetAsync("/api/v1/users?limit=1000")).InvalidAsync("limit");
        await (await lead.GetAsync($"/api/v1/users?search={new string('s', 201)}")).InvalidAsync("search");
    }

    [Theory, Providers]
    public async Task Get_StaffReadAnyone_OthersOnlyThemselves(Db db)
    {
        var app = await fixture.For(db);
        var (adminUser, _) = await app.SignInAsync(Role.Admin);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var (customerUser, customer) = await app.SignInAsync(Role.Customer);

        Assert.Equal(Role.Admin, (await (await agent.GetAsync($"/api/v1/users/{adminUser.Id}")).ReadAsync<UserDto>()).Role);
        var self = await (await customer.GetAsync($"/api/v1/users/{customerUser.Id}")).ReadAsync<UserDto>();
        Assert.Equal(customerUser.CustomerId, self.CustomerId);
        await (await customer.GetAsync($"/api/v1/users/{agentUser.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync($"/api/v1/users/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
