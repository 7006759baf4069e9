using System.Net;
using System.Net.Http.Json;
using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Features.Routing;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.People;

namespace Rapport.Tests.Routing;

public class AutoAssignmentTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task RoundRobin_TakesAvailableAgentsInTurn_AndSkipsTheAwayOne(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.RoundRobin, 3);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        await crew.LeadClient.SetAvailabilityAsync(crew[2].Id, "away");

        var assignees = new List<Guid?>();
        for (var i = 0; i < 6; i++) assignees.Add((await agent.CreateTicketAsync(crew.Team.Id)).Assignee?.Id);

        Assert.Equal(3, assignees.Count(a => a == crew[0].Id));
        Assert.Equal(3, assignees.Count(a => a == crew[1].Id));
        Assert.All(assignees.Zip(assignees.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Theory, Providers]
    public async Task AutoAssignment_IsAuditedByRapport_WithTheMethodAndWhy(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.RoundRobin, 1);
        var (_, agent) = await app.SignInAsync(Role.Agent);

        var ticket = await agent.CreateTicketAsync(crew.Team.Id);

        Assert.Equal(crew[0].Id, ticket.Assignee?.Id);
        var (created, _) = Assert.Single(await agent.TicketEventsAsync(ticket.Number, "created"));
        var (assigned, changes) = Assert.Single(await agent.TicketEventsAsync(ticket.Number, "auto_assigned"));
        Assert.True(assigned.Id > created.Id);
        Assert.Equal(("Rapport", (Guid?)null), (assigned.ActorName, assigned.ActorUserId));
        Assert.Equal(crew[0].Id.ToString(), changes.After("assigneeId"));
        Assert.Equal("round_robin", changes.After("method"));
        Assert.Equal("round robin: next in turn of 1 available agent", changes.After("reason"));
    }

    [Theory, Providers]
    public async Task LeastLoaded_GivesTheTicketToTheAgentWithTheLeastWeightedOpenWork(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.LeastLoaded, 2);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (first, second) = (crew[0], crew[1]);
        // first: two normal tickets (load 4) and a pending urgent one, which waits on the customer and weighs nothing.
        await agent.CreateTicketAsync(crew.Team.Id, assigneeId: first.Id);
        await agent.CreateTicketAsync(crew.Team.Id, assigneeId: first.Id);
        var waiting = await agent.CreateTicketAsync(crew.Team.Id, assigneeId: first.Id, priority: "urgent");
        await agent.PatchTicketAsync(waiting.Number, new { status = "pending" });

        var urgent = await agent.CreateTicketAsync(crew.Team.Id, priority: "urgent");
        Assert.Equal(second.Id, urgent.Assignee?.Id);
        // second now carries 5 against first's 4.
        var next = await agent.CreateTicketAsync(crew.Team.Id, priority: "low");
        Assert.Equal(first.Id, next.Assignee?.Id);
        var (_, changes) = Assert.Single(await agent.TicketEventsAsync(next.Number, "auto_assigned"));
        Assert.Equal("least loaded: load 4, the lowest of 2 available agents", changes.After("reason"));
    }

    [Theory, Providers]
    public async Task SkillsBased_MatchesLanguageAndTags_AndFallsBackToTheLeastLoaded(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.SkillsBased, 3);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (french, billing, general) = (crew[0], crew[1], crew[2]);
        await crew.LeadClient.PutAsJsonAsync($"/api/v1/users/{french.Id}/skills", new { skills = new[] { new { kind = "language", value = "fr" } } });
        await crew.LeadClient.PutAsJsonAsync($"/api/v1/users/{billing.Id}/skills", new { skills = new[] { new { kind = "tag", value = "billing" } } });
        var quebec = await (await agent.PostAsJsonAsync("/api/v1/customers", new
        {
            name = "Élodie Tremblay", emails = new[] { RapportApp.UniqueEmail("elodie") }, preferredLanguage = "fr-CA",
        })).ReadAsync<CustomerDto>(HttpStatusCode.Created);

        var inFrench = await agent.CreateTicketAsync(crew.Team.Id, requesterId: quebec.Id);
        Assert.Equal(french.Id, inFrench.Assignee?.Id);
        var (_, why) = Assert.Single(await agent.TicketEventsAsync(inFrench.Number, "auto_assigned"));
        Assert.Equal("skills based: meets 1 of 1 needs (language fr-CA): load 0, the lowest of 1 available agent with these skills", why.After("reason"));

        var invoice = await agent.CreateTicketAsync(crew.Team.Id, tags: ["Billing", "invoice"]);
        Assert.Equal(billing.Id, invoice.Assignee?.Id);

        // Nobody has the skill: the least loaded of the team (the generalist, with nothing yet).
        var other = await agent.CreateTicketAsync(crew.Team.Id, tags: ["delivery"]);
        Assert.Equal(general.Id, other.Assignee?.Id);
        var (_, fallback) = Assert.Single(await agent.TicketEventsAsync(other.Number, "auto_assigned"));
        Assert.StartsWith("skills based: nobody available has the skills (tag delivery); least loaded instead", fallback.After("reason"), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Manual_AnExplicitAssignee_AndNoTeam_AreLeftAlone(Db db)
    {
        var app = await fixture.For(db);
        var manual = await app.CrewAsync(AssignmentMethod.Manual, 2);
        var roundRobin = await app.CrewAsync(AssignmentMethod.RoundRobin, 2);
        var (_, agent) = await app.SignInAsync(Role.Agent);

        var queued = await agent.CreateTicketAsync(manual.Team.Id);
        Assert.Null(queued.Assignee);
        Assert.Empty(await agent.TicketEventsAsync(queued.Number, "auto_assigned"));
        var chosen = await agent.CreateTicketAsync(roundRobin.Team.Id, assigneeId: roundRobin[1].Id);
        Assert.Equal(roundRobin[1].Id, chosen.Assignee?.Id);
        Assert.Empty(await agent.TicketEventsAsync(chosen.Number, "auto_assigned"));
        Assert.Null((await agent.CreateTicketAsync()).Assignee);
    }

    [Theory, Providers]
    public async Task AbsentAgents_ReceiveNoTickets(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.RoundRobin, 2);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var now = DateTimeOffset.UtcNow;
        await crew.LeadClient.RecordAbsenceAsync(crew[0].Id, now.AddHours(-1), now.AddDays(2), kind: "sickness");

        for (var i = 0; i < 3; i++) Assert.Equal(crew[1].Id, (await agent.CreateTicketAsync(crew.Team.Id)).Assignee?.Id);

        await crew.LeadClient.SetAvailabilityAsync(crew[1].Id, "offline");
        Assert.Null((await agent.CreateTicketAsync(crew.Team.Id)).Assignee);
    }

    [Theory, Providers]
    public async Task MovingATicketToATeam_AssignsItByTheTeamsMethod_UnlessSomeoneIsNamed(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.LeastLoaded, 1);
        var other = await app.CrewAsync(AssignmentMethod.RoundRobin, 1);
        var (_, agent) = await app.SignInAsync(Role.Agent);

        var ticket = await agent.CreateTicketAsync();
        var moved = await agent.PatchTicketAsync(ticket.Number, new { teamId = crew.Team.Id });
        Assert.Equal(crew[0].Id, moved.Assignee?.Id);
        Assert.Equal(ticket.Version + 1, moved.Version);
        var (updated, _) = Assert.Single(await agent.TicketEventsAsync(ticket.Number, "updated"));
        var (assigned, changes) = Assert.Single(await agent.TicketEventsAsync(ticket.Number, "auto_assigned"));
        Assert.True(assigned.Id > updated.Id);
        Assert.Equal("least_loaded", changes.After("method"));

        // Already assigned: moving it keeps the assignee.
        Assert.Equal(crew[0].Id, (await agent.PatchTicketAsync(ticket.Number, new { teamId = other.Team.Id })).Assignee?.Id);
        // Moved and unassigned in one change: the new team's method chooses.
        var handedOver = await agent.PatchTicketAsync(ticket.Number, new { teamId = crew.Team.Id, assigneeId = (Guid?)null });
        Assert.Equal(crew[0].Id, handedOver.Assignee?.Id);
        var named = await agent.CreateTicketAsync();
        Assert.Equal(other[0].Id, (await agent.PatchTicketAsync(named.Number, new { teamId = crew.Team.Id, assigneeId = other[0].Id })).Assignee?.Id);
    }

    [Theory, Providers]
    public async Task TeamMethod_IsSetByAdmins_Validated_AndAudited(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var team = await admin.CreateTeamAsync();
        Assert.Equal(AssignmentMethod.Manual, team.AssignmentMethod);

        await admin.SetMethodAsync(team.Id, AssignmentMethod.SkillsBased);
        await (await admin.PatchJsonAsync($"/api/v1/teams/{team.Id}", new { assignmentMethod = "lottery" })).InvalidAsync("assignmentMethod");
        await (await admin.PatchJsonAsync($"/api/v1/teams/{team.Id}", new { assignmentMethod = (string?)null })).InvalidAsync("assignmentMethod");
        var listed = await (await admin.GetAsync("/api/v1/teams")).ReadAsync<List<TeamSummaryDto>>();
        Assert.Equal(AssignmentMethod.SkillsBased, listed.Single(t => t.Id == team.Id).AssignmentMethod);

        var (_, changes) = (await admin.AuditAsync("teams", team.Id)).Last();
        Assert.Equal("skills_based", changes["assignmentMethod"]!["after"]!.GetValue<string>());
        Assert.Equal("manual", changes["assignmentMethod"]!["before"]!.GetValue<string>());
    }
}
