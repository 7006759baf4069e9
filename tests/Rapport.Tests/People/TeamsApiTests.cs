using System.Net;
using System.Net.Http.Json;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.People;

public class TeamsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Create_ThenListAndRead_ShowsMembersAndCounts(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var name = PeopleRequests.UniqueTeamName("Billing");

        var response = await admin.PostAsJsonAsync("/api/v1/teams", new { name = $" {name} ", aim = "Settle invoices fairly.", isRestricted = true });
        var team = await response.ReadAsync<TeamDto>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/teams/{team.Id}", response.Headers.Location?.ToString());
        Assert.Equal((name, "Settle invoices fairly.", true), (team.Name, team.Aim, team.IsRestricted));
        Assert.Empty(team.Members);

        var zoe = await admin.CreateUserAsync(PeopleRequests.NewUser(name: "Zoe Member", role: "team_lead"));
        var abe = await admin.CreateUserAsync(PeopleRequests.NewUser(name: "Abe Member"));
        await admin.AddMemberAsync(team.Id, zoe.Id);
        await admin.AddMemberAsync(team.Id, abe.Id);
        var empty = await admin.CreateTeamAsync();

        var read = await (await agent.GetAsync($"/api/v1/teams/{team.Id}")).ReadAsync<TeamDto>();
        Assert.Equal([new TeamMemberDto(abe.Id, "Abe Member", Role.Agent, true), new TeamMemberDto(zoe.Id, "Zoe Member", Role.TeamLead, true)],
            read.Members);
        var list = await (await agent.GetAsync("/api/v1/teams")).ReadAsync<List<TeamSummaryDto>>();
        Assert.Equal(2, list.Single(t => t.Id == team.Id).MemberCount);
        Assert.Equal(0, list.Single(t => t.Id == empty.Id).MemberCount);
        Assert.Equal(list.Select(t => t.Name).Order(StringComparer.Ordinal), list.Select(t => t.Name));
        await (await agent.GetAsync("/api/v1/teams/999999")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Create_WithInvalidInput_NamesTheField(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var existing = await admin.CreateTeamAsync();
        Task<HttpResponseMessage> PostAsync(object body) => admin.PostAsJsonAsync("/api/v1/teams", body);

        await (await PostAsync(new { name = existing.Name })).InvalidAsync("name");
        await (await PostAsync(new { name = existing.Name.ToUpperInvariant() })).InvalidAsync("name");
        await (await PostAsync(new { name = "  " })).InvalidAsync("name");
        await (await PostAsync(new { name = new string('t', 101) })).InvalidAsync("name");
        await (await PostAsync(new { name = PeopleRequests.UniqueTeamName(), aim = new string('a', 1001) })).InvalidAsync("aim");
        await (await PostAsync(new { name = PeopleRequests.UniqueTeamName(), isRestricted = "yes" })).InvalidAsync("isRestricted");
    }

    [Theory, Providers]
    public async Task Update_ChangesFields_AndAuditsBeforeAndAfter(Db db)
    {
        var app = await fixture.For(db);
        var (adminUser, admin) = await app.SignInAsync(Role.Admin);
        var team = await admin.CreateTeamAsync(aim: "Old aim");
        var other = await admin.CreateTeamAsync();
        var renamed = PeopleRequests.UniqueTeamName("Renamed");

        var updated = await (await admin.PatchJsonAsync($"/api/v1/teams/{team.Id}", new { name = renamed, aim = (string?)null, isRestricted = true }))
            .ReadAsync<TeamDto>();
        Assert.Equal((renamed, null, true), (updated.Name, updated.Aim, updated.IsRestricted));
        var kept = await (await admin.PatchJsonAsync($"/api/v1/teams/{team.Id}", new { aim = "New aim" })).ReadAsync<TeamDto>();
        Assert.Equal((renamed, "New aim", true), (kept.Name, kept.Aim, kept.IsRestricted));

        await (await admin.PatchJsonAsync($"/api/v1/teams/{team.Id}", new { name = other.Name })).InvalidAsync("name");
        await (await admin.PatchJsonAsync($"/api/v1/teams/{team.Id}", new { name = (string?)null })).InvalidAsync("name");
        await (await admin.PatchJsonAsync($"/api/v1/teams/{team.Id}", new { isRestricted = (bool?)null })).InvalidAsync("isRestricted");
        await (await admin.PatchJsonAsync("/api/v1/teams/999999", new { aim = "x" })).ProblemAsync(HttpStatusCode.NotFound);

        var audit = await admin.AuditAsync("teams", team.Id);
        Assert.Equal(["created", "updated", "updated"], audit.Select(a => a.Event.Action));
        Assert.Equal(team.Name, audit[0].Changes["name"]!["after"]!.GetValue<string>());
        var (change, fields) = audit[1];
        Assert.Equal(adminUser.Id, change.ActorUserId);
        Assert.Equal(team.Name, fields["name"]!["before"]!.GetValue<string>());
        Assert.Equal(renamed, fields["name"]!["after"]!.GetValue<string>());
        Assert.Equal("Old aim", fields["aim"]!["before"]!.GetValue<string>());
        Assert.Null(fields["aim"]!["after"]);
        Assert.False(fields["isRestricted"]!["before"]!.GetValue<bool>());
        Assert.True(fields["isRestricted"]!["after"]!.GetValue<bool>());
    }

    [Theory, Providers]
    public async Task Membership_AddAndRemove_IsIdempotentAndAudited(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var team = await admin.CreateTeamAsync();
        var agent = await admin.CreateUserAsync(PeopleRequests.NewUser());
        var url = $"/api/v1/teams/{team.Id}/members/{agent.Id}";

        await admin.AddMemberAsync(team.Id, agent.Id);
        await admin.AddMemberAsync(team.Id, agent.Id);
        Assert.Equal([new TeamRef(team.Id, team.Name)], (await (await admin.GetAsync($"/api/v1/users/{agent.Id}")).ReadAsync<UserDto>()).Teams);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(url)).StatusCode);
        Assert.Empty((await (await admin.GetAsync($"/api/v1/teams/{team.Id}")).ReadAsync<TeamDto>()).Members);

        var audit = await admin.AuditAsync("teams", team.Id);
        Assert.Equal(["created", "member_added", "member_removed"], audit.Select(a => a.Event.Action));
        Assert.Equal(agent.Id.ToString(), audit[1].Changes["userId"]!["after"]!.GetValue<string>());
        Assert.Equal(agent.Id.ToString(), audit[2].Changes["userId"]!["before"]!.GetValue<string>());
    }

    [Theory, Providers]
    public async Task Membership_OnlyForActiveStaff(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (customer, _) = await app.SignInAsync(Role.Customer);
        var team = await admin.CreateTeamAsync();
        var leaver = await admin.CreateUserAsync(PeopleRequests.NewUser());
        await (await admin.PatchJsonAsync($"/api/v1/users/{leaver.Id}", new { isActive = false })).ReadAsync<UserDto>();

        await (await admin.PutAsync($"/api/v1/teams/{team.Id}/members/{customer.Id}", null)).InvalidAsync("userId");
        await (await admin.PutAsync($"/api/v1/teams/{team.Id}/members/{leaver.Id}", null)).InvalidAsync("userId");
        await (await admin.PutAsync($"/api/v1/teams/{team.Id}/members/{Guid.NewGuid()}", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsync($"/api/v1/teams/999999/members/{leaver.Id}", null)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await admin.GetAsync($"/api/v1/teams/{team.Id}")).ReadAsync<TeamDto>()).Members);
    }
}
