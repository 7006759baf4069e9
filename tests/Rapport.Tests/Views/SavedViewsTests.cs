using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.People;
using Rapport.Features.Tickets.Views;
using Rapport.Features.Tickets.Views.Saved;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.People;

namespace Rapport.Tests.Views;

/// <summary>Saved views through the API: managing them, checking them, and who sees and changes which.</summary>
public class SavedViewsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task APersonalView_IsCreatedReadReplacedAndDeleted_AndEachChangeIsAudited(Db db)
    {
        var app = await fixture.For(db);
        var (agent, client) = await app.SignInAsync(Role.Agent);
        var token = ViewRequests.NewToken();

        var created = await client.CreateViewAsync(ViewRequests.View("Urgent " + token, ViewRequests.SubjectContains(token),
            columns: ["subject", "requester", "sla_due"], field: "created", direction: "asc"));
        Assert.Equal(ViewScope.Personal, created.Scope);
        Assert.Equal(agent.Id, created.OwnerId);
        Assert.Equal([TicketColumn.Subject, TicketColumn.Requester, TicketColumn.SlaDue], created.Columns);
        Assert.Equal(new ViewSortDto(ViewSortField.Created, SortDirection.Asc), created.Sort);
        Assert.True(created.MayEdit);
        var read = await (await client.GetAsync($"/api/v1/views/{created.Id}")).ReadAsync<SavedViewDto>();
        Assert.Equal((created.Name, created.Conditions, created.Sort), (read.Name, read.Conditions, read.Sort));
        Assert.Equal(created.Columns, read.Columns);

        var replaced = await (await client.PutAsJsonAsync($"/api/v1/views/{created.Id}", ViewRequests.View("Renamed " + token, ViewRequests.SubjectContains(token))))
            .ReadAsync<SavedViewDto>();
        Assert.Equal("Renamed " + token, replaced.Name);
        Assert.Equal([TicketColumn.Number, TicketColumn.Subject, TicketColumn.Priority], replaced.Columns);
        var listed = await (await client.GetAsync("/api/v1/views")).ReadAsync<ViewListDto>();
        Assert.Contains(listed.Saved, v => v.Id == created.Id && v.Name == replaced.Name);
        Assert.Contains(listed.BuiltIn, v => v.Key == "my-open");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/views/{created.Id}")).StatusCode);
        await (await client.GetAsync($"/api/v1/views/{created.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        var key = created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var actions = await app.WithDbAsync(d => d.AuditEvents.Where(a => a.EntityType == "saved_view" && a.EntityId == key).Select(a => a.Action).ToListAsync());
        Assert.Equal(new[] { "created", "deleted", "updated" }, actions.Order());
    }

    [Theory, Providers]
    public async Task AnInvalidView_IsRefused_NamingEachField(Db db)
    {
        var app = await fixture.For(db);
        var (_, client) = await app.SignInAsync(Role.Agent);
        var response = await client.PostAsJsonAsync("/api/v1/views", new
        {
            name = "",
            scope = "everyone",
            conditions = new { all = new[] { new { field = "priority", @operator = "sounds_like", value = "urgent" } } },
            columns = new[] { "subject", "colour", "subject" },
            sort = new { field = "mood", direction = "sideways" },
        });
        var problem = await response.InvalidAsync("name");
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "scope", "conditions.all[0].operator", "columns[1]", "columns[2]", "sort.field", "sort.direction" })
            Assert.True(errors.ContainsKey(field), $"Expected an error for '{field}' in {problem.ToJsonString()}");

        await (await client.PostAsJsonAsync("/api/v1/views", ViewRequests.View("Due", new { }, field: "sla_due", direction: "desc"))).InvalidAsync("sort.direction");
        await (await client.PostAsJsonAsync("/api/v1/views", ViewRequests.View("Team", new { }, scope: "team"))).InvalidAsync("teamId");
        await (await client.PostAsJsonAsync("/api/v1/views", ViewRequests.View("Bare", new { }, columns: ["priority"]))).InvalidAsync("columns");
        await (await client.PostAsJsonAsync("/api/v1/views", ViewRequests.View("None", new { }, columns: []))).InvalidAsync("columns");
    }

    [Theory, Providers]
    public async Task SomeoneElsesPersonalView_IsNotFound_EvenForAnAdmin(Db db)
    {
        var app = await fixture.For(db);
        var (_, owner) = await app.SignInAsync(Role.Agent);
        var view = await owner.CreateViewAsync(ViewRequests.View("Mine " + ViewRequests.NewToken(), new { }));
        foreach (var role in new[] { Role.Agent, Role.Admin })
        {
            var (_, other) = await app.SignInAsync(role);
            await (await other.GetAsync($"/api/v1/views/{view.Id}")).ProblemAsync(HttpStatusCode.NotFound);
            await (await other.GetAsync($"/api/v1/views/{view.Id}/tickets")).ProblemAsync(HttpStatusCode.NotFound);
            await (await other.PutAsJsonAsync($"/api/v1/views/{view.Id}", ViewRequests.View("Taken", new { }))).ProblemAsync(HttpStatusCode.NotFound);
            await (await other.PutAsJsonAsync($"/api/v1/views/{view.Id}/position", new { position = 1 })).ProblemAsync(HttpStatusCode.NotFound);
            await (await other.DeleteAsync($"/api/v1/views/{view.Id}")).ProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain((await (await other.GetAsync("/api/v1/views")).ReadAsync<ViewListDto>()).Saved, v => v.Id == view.Id);
            Assert.DoesNotContain((await (await other.GetAsync("/api/v1/views/counts")).ReadAsync<List<ViewCountDto>>()), c => c.Key == view.Id.ToString());
        }
    }

    [Theory, Providers]
    public async Task ATeamView_IsMadeByTheTeamsLeads_AndSeenByItsMembersOnly(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var team = await admin.CreateTeamAsync();
        var (lead, leadClient) = await app.SignInAsync(Role.TeamLead);
        var (member, memberClient) = await app.SignInAsync(Role.Agent);
        await admin.AddMemberAsync(team.Id, lead.Id);
        await admin.AddMemberAsync(team.Id, member.Id);
        var (_, outsideLead) = await app.SignInAsync(Role.TeamLead);
        var (_, outsider) = await app.SignInAsync(Role.Agent);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var request = ViewRequests.View("Team queue " + ViewRequests.NewToken(), new { }, scope: "team", teamId: team.Id);

        await (await memberClient.PostAsJsonAsync("/api/v1/views", request)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await outsideLead.PostAsJsonAsync("/api/v1/views", request)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await leadClient.PostAsJsonAsync("/api/v1/views", ViewRequests.View("Shared", new { }, scope: "shared"))).ProblemAsync(HttpStatusCode.Forbidden);
        var view = await leadClient.CreateViewAsync(request);
        Assert.Equal(team.Id, view.Team!.Id);

        var seen = await (await memberClient.GetAsync($"/api/v1/views/{view.Id}")).ReadAsync<SavedViewDto>();
        Assert.False(seen.MayEdit);
        await (await memberClient.PutAsJsonAsync($"/api/v1/views/{view.Id}", request)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await memberClient.DeleteAsync($"/api/v1/views/{view.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        foreach (var stranger in new[] { outsider, outsideLead })
        {
            await (await stranger.GetAsync($"/api/v1/views/{view.Id}")).ProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain((await (await stranger.GetAsync("/api/v1/views")).ReadAsync<ViewListDto>()).Saved, v => v.Id == view.Id);
        }
        var renamed = await (await manager.PutAsJsonAsync($"/api/v1/views/{view.Id}", request)).ReadAsync<SavedViewDto>();
        Assert.True(renamed.MayEdit);
    }

    [Theory, Providers]
    public async Task ASharedView_IsMadeByManagers_AndSeenByAllStaff(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var request = ViewRequests.View("Everyone " + ViewRequests.NewToken(), new { }, scope: "shared");

        await (await agent.PostAsJsonAsync("/api/v1/views", request)).ProblemAsync(HttpStatusCode.Forbidden);
        var view = await manager.CreateViewAsync(request);
        var seen = await (await agent.GetAsync($"/api/v1/views/{view.Id}")).ReadAsync<SavedViewDto>();
        Assert.False(seen.MayEdit);
        await (await agent.DeleteAsync($"/api/v1/views/{view.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await customer.GetAsync($"/api/v1/views/{view.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        // A personal view cannot be turned into a shared one by someone who may not make shared views.
        var mine = await agent.CreateViewAsync(ViewRequests.View("Mine", new { }));
        await (await agent.PutAsJsonAsync($"/api/v1/views/{mine.Id}", request)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task MovingAView_RenumbersItsGroup(Db db)
    {
        var app = await fixture.For(db);
        var (_, client) = await app.SignInAsync(Role.Agent);
        var first = await client.CreateViewAsync(ViewRequests.View("First", new { }));
        var second = await client.CreateViewAsync(ViewRequests.View("Second", new { }));
        var third = await client.CreateViewAsync(ViewRequests.View("Third", new { }));
        Assert.Equal([1, 2, 3], new[] { first.Position, second.Position, third.Position });

        var moved = await (await client.PutAsJsonAsync($"/api/v1/views/{third.Id}/position", new { position = 1 })).ReadAsync<SavedViewDto>();
        Assert.Equal(1, moved.Position);
        var mine = (await (await client.GetAsync("/api/v1/views")).ReadAsync<ViewListDto>()).Saved.Where(v => v.Scope == ViewScope.Personal);
        Assert.Equal(["Third", "First", "Second"], mine.Select(v => v.Name));
        await (await client.PutAsJsonAsync($"/api/v1/views/{third.Id}/position", new { position = 4 })).InvalidAsync("position");
    }
}
