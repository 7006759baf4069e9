using System.Net;
using System.Net.Http.Json;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.People;

/// <summary>Writes are for admins only; reads are for staff; nothing is open to anonymous callers.</summary>
public class PeopleAuthorizationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static List<(HttpMethod Method, string Url, object? Body)> Writes(Guid userId, long teamId) =>
    [
        (HttpMethod.Post, "/api/v1/users", PeopleRequests.NewUser()),
        (HttpMethod.Patch, $"/api/v1/users/{userId}", new { name = "Changed" }),
        (HttpMethod.Post, $"/api/v1/users/{userId}/password", new { password = "Another-password-9" }),
        (HttpMethod.Post, "/api/v1/teams", new { name = PeopleRequests.UniqueTeamName() }),
        (HttpMethod.Patch, $"/api/v1/teams/{teamId}", new { aim = "Changed" }),
        (HttpMethod.Put, $"/api/v1/teams/{teamId}/members/{userId}", null),
        (HttpMethod.Delete, $"/api/v1/teams/{teamId}/members/{userId}", null),
    ];

    private static List<string> Reads(Guid userId, long teamId) =>
        ["/api/v1/users", $"/api/v1/users/{userId}", "/api/v1/teams", $"/api/v1/teams/{teamId}"];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });

    [Theory, Providers]
    public async Task Writes_AreForbiddenToEveryoneButAdmins(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var target = await admin.CreateUserAsync(PeopleRequests.NewUser(name: "Target Person"));
        var team = await admin.CreateTeamAsync(aim: "Unchanged");

        foreach (var role in new[] { Role.Agent, Role.TeamLead, Role.Manager, Role.Customer })
        {
            var (_, client) = await app.SignInAsync(role);
            foreach (var (method, url, body) in Writes(target.Id, team.Id))
            {
                var response = await SendAsync(client, method, url, body);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {method} {url}: {(int)response.StatusCode}");
            }
        }
        Assert.Equal("Target Person", (await (await admin.GetAsync($"/api/v1/users/{target.Id}")).ReadAsync<UserDto>()).Name);
        var unchanged = await (await admin.GetAsync($"/api/v1/teams/{team.Id}")).ReadAsync<TeamDto>();
        Assert.Equal(("Unchanged", 0), (unchanged.Aim, unchanged.Members.Count));
        await (await admin.GetAsync($"/api/v1/users/{target.Id}/audit")).ReadAsync<object>();
        foreach (var role in new[] { Role.Agent, Role.Manager })
        {
            var (_, client) = await app.SignInAsync(role);
            await (await client.GetAsync($"/api/v1/users/{target.Id}/audit")).ProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/v1/teams/{team.Id}/audit")).ProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Theory, Providers]
    public async Task Everything_IsUnauthorizedToAnonymousCallers(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var target = await admin.CreateUserAsync(PeopleRequests.NewUser());
        var team = await admin.CreateTeamAsync();
        var anonymous = app.AnonymousClient();

        foreach (var (method, url, body) in Writes(target.Id, team.Id))
            await (await SendAsync(anonymous, method, url, body)).ProblemAsync(HttpStatusCode.Unauthorized);
        foreach (var url in Reads(target.Id, team.Id))
            await (await anonymous.GetAsync(url)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, Providers]
    public async Task Directory_IsReadableByStaffButNotCustomers(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var target = await admin.CreateUserAsync(PeopleRequests.NewUser());
        var team = await admin.CreateTeamAsync();
        var (_, customer) = await app.SignInAsync(Role.Customer);

        foreach (var role in new[] { Role.Agent, Role.TeamLead, Role.Manager })
        {
            var (_, client) = await app.SignInAsync(role);
            foreach (var url in Reads(target.Id, team.Id))
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
        foreach (var url in new[] { "/api/v1/users", "/api/v1/teams", $"/api/v1/teams/{team.Id}" })
            await (await customer.GetAsync(url)).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
