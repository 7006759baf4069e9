using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.Conditions;
using Rapport.Features.Escalation.Levels;
using Rapport.Features.People;
using Rapport.Features.ServiceLevels;
using Rapport.Features.ServiceLevels.Policies;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Routing;
using Rapport.Tests.ServiceLevels;

namespace Rapport.Tests.Escalation;

/// <summary>Escalation up a configured ladder: by hand, and automatically when a service level warns or breaches. Each test sets the ladder it needs.</summary>
public class EscalationTests(SlaFixture fixture) : IClassFixture<SlaFixture>
{
    [Theory, Providers]
    public async Task Escalating_MovesTheTicketToTheLevelsTeam_NamesTheLevel_AndTellsItsLeadsAndRole(Db db)
    {
        var app = await fixture.For(db);
        var (owner, agent) = await app.SignInAsync(Role.Agent);
        var specialistLead = await app.CreateUserAsync(Role.TeamLead);
        var manager = await app.CreateUserAsync(Role.Manager);
        var firstLine = await app.TeamAsync(owner.Id);
        var specialists = await app.TeamAsync(specialistLead.Id);
        await app.LadderAsync(("Specialist", specialists, Role.TeamLead), ("Manager", null, Role.Manager));
        var ticket = await agent.CreateTicketAsync(teamId: firstLine, assigneeId: owner.Id);

        var escalation = await (await agent.EscalateAsync(ticket.Number, "Needs a specialist")).EscalatedAsync();

        Assert.Equal((0, 1, "Specialist", specialists), (escalation.FromLevel, escalation.Level, escalation.LevelName, escalation.Team?.Id));
        Assert.Null(escalation.Assignee); // the first-line agent is not a specialist
        var moved = await agent.GetTicketAsync(ticket.Number);
        Assert.Equal((1, specialists, null), (moved.EscalationLevel, moved.Team?.Id, moved.Assignee?.Id));
        var escalated = Assert.Single(await agent.TicketEventsAsync(ticket.Number, "escalated"));
        Assert.Equal(("First line", "Specialist", "Needs a specialist"), (escalated.Changes["level"]!["before"]!.GetValue<string>(),
            escalated.Changes["level"]!["after"]!.GetValue<string>(), escalated.Changes["reason"]!["after"]!.GetValue<string>()));
        Assert.Contains("Specialist (level 1)", Assert.Single(await app.NotificationsAsync(specialistLead.Id, ticket.Number)).Text, StringComparison.Ordinal);
        Assert.Empty(await app.NotificationsAsync(manager.Id, ticket.Number));

        // Level 2 has no team: the ticket stays with the specialists, and the managers are told.
        var second = await (await agent.EscalateAsync(ticket.Number, "Refund over policy")).EscalatedAsync();
        Assert.Equal((2, "Manager", specialists), (second.Level, second.LevelName, second.Team?.Id));
        Assert.Single(await app.NotificationsAsync(manager.Id, ticket.Number));
    }

    [Theory, Providers]
    public async Task AChosenLevel_IsReachedInOneStep_ButNotPastTheTop_WhichIsAClear409(Db db)
    {
        var app = await fixture.For(db);
        await app.LadderAsync(("Second line", null, null), ("Specialist", null, null), ("Manager", null, null));
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync();

        await (await agent.EscalateAsync(ticket.Number, toLevel: 4)).InvalidAsync("toLevel");
        await (await agent.EscalateAsync(ticket.Number, reason: "")).InvalidAsync("reason");
        Assert.Equal(2, (await (await agent.EscalateAsync(ticket.Number, toLevel: 2)).EscalatedAsync()).Level);
        await (await agent.EscalateAsync(ticket.Number, toLevel: 1)).InvalidAsync("toLevel");
        Assert.Equal(3, (await (await agent.EscalateAsync(ticket.Number, toLevel: 3)).EscalatedAsync()).Level);

        var problem = await (await agent.EscalateAsync(ticket.Number)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("top of the escalation ladder (Manager, level 3)", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, (await agent.GetTicketAsync(ticket.Number)).EscalationLevel);
        Assert.Equal(2, (await agent.TicketEventsAsync(ticket.Number, "escalated")).Count);
    }

    [Theory, Providers]
    public async Task TheSlaSweep_EscalatesAtTheWarning_ToTheLevelsTeam_AndAtTheTopOnlyRecordsIt(Db db)
    {
        var app = await fixture.For(db);
        var (owner, agent) = await app.SignInAsync(Role.Agent);
        var secondLine = await app.TeamAsync();
        await app.LadderAsync(("Second line", secondLine, null));
        var tag = "esc" + Guid.NewGuid().ToString("N")[..10];
        var policy = await SlaSetup.AddPolicyAsync(app, new ConditionSet { All = [Condition.Of("tags", ConditionOperators.IncludesAny, tag)] }, null,
            firstResponse: 60, nextResponse: null, resolution: null, escalateOnBreach: true);
        await app.WithDbAsync(d => d.SlaPolicies.Where(p => p.Id == policy).ExecuteUpdateAsync(s => s.SetProperty(p => p.EscalateOnWarning, true)));
        app.Services.GetRequiredService<ActiveSlaPolicies>().Forget();
        fixture.Clock.Now = new DateTimeOffset(2030, 3, 4, 9, 0, 0, TimeSpan.Zero);
        var ticket = await agent.CreateTicketAsync(assigneeId: owner.Id, tags: [tag]);

        fixture.Clock.Now = fixture.Clock.Now.AddMinutes(50); // past the warning at 48 minutes
        await SweepAsync(app);
        var warned = await agent.GetTicketAsync(ticket.Number);
        Assert.Equal((1, secondLine, null), (warned.EscalationLevel, warned.Team?.Id, warned.Assignee?.Id));

        fixture.Clock.Now = fixture.Clock.Now.AddMinutes(15); // past the breach: the ladder has no higher level
        await SweepAsync(app);
        await SweepAsync(app);
        var actions = await app.ActionsAsync(ticket.Number);
        Assert.Equal(["sla_warning", "updated", "escalated", "sla_breached", "escalation_at_top"], actions.Where(a => a != "created").ToList());
        Assert.Equal(1, (await agent.GetTicketAsync(ticket.Number)).EscalationLevel);
    }

    [Theory, Providers]
    public async Task APolicyThatEscalatesOnlyAtABreach_LeavesTheWarningToTheOwner_ThenEscalatesAtTheBreach(Db db)
    {
        var app = await fixture.For(db);
        var (owner, agent) = await app.SignInAsync(Role.Agent);
        var secondLine = await app.TeamAsync();
        await app.LadderAsync(("Second line", secondLine, null));
        var tag = "esc" + Guid.NewGuid().ToString("N")[..10];
        await SlaSetup.AddPolicyAsync(app, new ConditionSet { All = [Condition.Of("tags", ConditionOperators.IncludesAny, tag)] }, null,
            firstResponse: 60, nextResponse: null, resolution: null, escalateOnBreach: true);
        fixture.Clock.Now = new DateTimeOffset(2030, 3, 5, 9, 0, 0, TimeSpan.Zero);
        var ticket = await agent.CreateTicketAsync(assigneeId: owner.Id, tags: [tag]);

        fixture.Clock.Now = fixture.Clock.Now.AddMinutes(50); // past the warning at 48 minutes
        await SweepAsync(app);
        var warned = await agent.GetTicketAsync(ticket.Number);
        Assert.Equal((0, owner.Id), (warned.EscalationLevel, warned.Assignee?.Id));

        fixture.Clock.Now = fixture.Clock.Now.AddMinutes(15); // past the breach at 60 minutes
        await SweepAsync(app);
        var breached = await agent.GetTicketAsync(ticket.Number);
        Assert.Equal((1, secondLine), (breached.EscalationLevel, breached.Team?.Id));
        var actions = await app.ActionsAsync(ticket.Number);
        Assert.Equal(["sla_warning", "sla_breached", "updated", "escalated"], actions.Where(a => a != "created").ToList());
    }

    [Theory, Providers]
    public async Task TheLadder_IsManagedByManagers_OnlyItsTopComesOff_AndChangesAreAudited(Db db)
    {
        var app = await fixture.For(db);
        await app.LadderAsync(("Second line", null, Role.TeamLead), ("Specialist", null, null));
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var team = await app.TeamAsync();

        var added = await (await manager.PostAsJsonAsync("/api/v1/escalation-levels", new { name = "Director", teamId = team, notifyRole = "manager" }))
            .ReadAsync<EscalationLevelDto>(HttpStatusCode.Created);
        Assert.Equal((3, team, Role.Manager, true), (added.Level, added.Team?.Id, added.NotifyRole, added.IsTop));
        var renamed = await (await manager.PatchJsonAsync("/api/v1/escalation-levels/2", new { name = "Expert", teamId = (long?)null })).ReadAsync<EscalationLevelDto>();
        Assert.Equal(("Expert", false), (renamed.Name, renamed.IsTop));

        await (await manager.PostAsJsonAsync("/api/v1/escalation-levels", new { name = "expert" })).InvalidAsync("name");
        await (await manager.PostAsJsonAsync("/api/v1/escalation-levels", new { name = "Board", teamId = 999_999_999 })).InvalidAsync("teamId");
        await (await manager.PostAsJsonAsync("/api/v1/escalation-levels", new { teamId = team })).InvalidAsync("name");
        await (await manager.DeleteAsync("/api/v1/escalation-levels/2")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync("/api/v1/escalation-levels/3")).StatusCode);
        await (await manager.GetAsync("/api/v1/escalation-levels/3")).ProblemAsync(HttpStatusCode.NotFound);

        var ladder = await (await manager.GetAsync("/api/v1/escalation-levels")).ReadAsync<List<EscalationLevelDto>>();
        Assert.Equal(["Second line", "Expert"], ladder.Select(l => l.Name).ToList());
        var audit = await app.WithDbAsync(d => d.AuditEvents.Where(a => a.EntityType == "escalation_level").OrderBy(a => a.Id).Select(a => a.EntityId + " " + a.Action).ToListAsync());
        Assert.Equal(["3 created", "2 updated", "3 deleted"], audit.TakeLast(3).ToList());
    }

    private static Task<int> SweepAsync(RapportApp app) => app.WithScopeAsync(services => services.GetRequiredService<SlaSweep>().RunAsync(default));
}
