using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.Escalation.Referrals;
using Rapport.Features.People;
using Rapport.Features.Routing;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.People;
using Rapport.Tests.Routing;

namespace Rapport.Tests.Escalation;

/// <summary>Referring a ticket to another team, by hand or by the matrix's suggestion.</summary>
public class ReferralTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Referral_MovesTheTicket_ClearsAnAssigneeFromAnotherTeam_RecordsWhy_AndTellsTheNewTeam(Db db)
    {
        var app = await fixture.For(db);
        var (owner, agent) = await app.SignInAsync(Role.Agent);
        var billingMember = await app.CreateUserAsync(Role.Agent);
        var frontDesk = await app.TeamAsync(owner.Id);
        var billing = await app.TeamAsync(billingMember.Id);
        var ticket = await agent.CreateTicketAsync(teamId: frontDesk, assigneeId: owner.Id);

        var referral = await (await agent.ReferAsync(ticket.Number, billing, "Disputed invoice: needs Billing")).ReadAsync<ReferralDto>();

        Assert.Equal((frontDesk, billing), (referral.FromTeam?.Id, referral.Team.Id));
        Assert.Null(referral.Assignee);
        var moved = await agent.GetTicketAsync(ticket.Number);
        Assert.Equal((billing, null), (moved.Team?.Id, moved.Assignee?.Id));
        var referred = Assert.Single(await agent.TicketEventsAsync(ticket.Number, "referred"));
        Assert.Equal("Disputed invoice: needs Billing", referred.Changes["reason"]!["after"]!.GetValue<string>());
        Assert.Equal(billing, referred.Changes["teamId"]!["after"]!.GetValue<long>());
        Assert.Single(await agent.TicketEventsAsync(ticket.Number, "updated")); // the move itself, through UpdateTicket
        var told = Assert.Single(await app.NotificationsAsync(billingMember.Id, ticket.Number));
        Assert.Equal("referred", told.Kind);
        Assert.Contains("Disputed invoice", told.Text, StringComparison.Ordinal);
        Assert.Empty(await app.NotificationsAsync(owner.Id, ticket.Number)); // the one who referred it
    }

    [Theory, Providers]
    public async Task AnAssigneeWhoIsInTheNewTeam_KeepsTheTicket_AndIsTheOneTold(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var both = await app.CreateUserAsync(Role.Agent);
        var other = await app.CreateUserAsync(Role.Agent);
        var from = await app.TeamAsync(both.Id);
        var to = await app.TeamAsync(both.Id, other.Id);
        var ticket = await agent.CreateTicketAsync(teamId: from, assigneeId: both.Id);

        var referral = await (await agent.ReferAsync(ticket.Number, to)).ReadAsync<ReferralDto>();

        Assert.Equal(both.Id, referral.Assignee?.Id);
        Assert.Single(await app.NotificationsAsync(both.Id, ticket.Number));
        Assert.Empty(await app.NotificationsAsync(other.Id, ticket.Number));
    }

    [Theory, Providers]
    public async Task ATeamThatAssignsByRoundRobin_GivesTheReferredTicketToAnAgent(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.RoundRobin, 1);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync();

        var referral = await (await agent.ReferAsync(ticket.Number, crew.Team.Id)).ReadAsync<ReferralDto>();

        Assert.Equal(crew[0].Id, referral.Assignee?.Id);
        Assert.Equal(crew[0].Id, (await agent.GetTicketAsync(ticket.Number)).Assignee?.Id);
        Assert.Single(await agent.TicketEventsAsync(ticket.Number, "auto_assigned"));
        Assert.Equal("referred", Assert.Single(await app.NotificationsAsync(crew[0].Id, ticket.Number)).Kind);
    }

    [Theory, Providers]
    public async Task WithoutATeam_TheMatrixSuggestionIsUsed_AndItsRoleIsTold(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var billingLead = await app.CreateUserAsync(Role.TeamLead);
        var billingAgent = await app.CreateUserAsync(Role.Agent);
        var billing = await app.TeamAsync(billingLead.Id, billingAgent.Id);
        var tag = "dispute" + Guid.NewGuid().ToString("N")[..8];
        var rule = await manager.CreateRuleAsync(new
        {
            name = "Billing disputes " + tag,
            conditions = new { all = new[] { new { field = "tags", @operator = "includes_any", value = tag } } },
            teamId = billing,
            notifyRole = "team_lead",
            position = 1,
        });
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync(tags: [tag]);

        var suggestion = await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/referral-suggestion")).ReadAsync<ReferralSuggestionResponse>();
        Assert.Equal((rule.Id, billing), (suggestion.Suggestion?.RuleId, suggestion.Suggestion?.TeamId));

        var referral = await (await agent.ReferAsync(ticket.Number, teamId: null, "Billing dispute")).ReadAsync<ReferralDto>();
        Assert.Equal((billing, rule.Id), (referral.Team.Id, referral.Rule?.RuleId));
        Assert.Single(await app.NotificationsAsync(billingLead.Id, ticket.Number)); // a member, and the rule's role
        Assert.Single(await app.NotificationsAsync(billingAgent.Id, ticket.Number));
        var referred = Assert.Single(await agent.TicketEventsAsync(ticket.Number, "referred"));
        Assert.Equal(rule.Name, referred.Changes["rule"]!["after"]!.GetValue<string>());
    }

    [Theory, Providers]
    public async Task AReferralThatSaysTooLittle_IsRefused_NamingTheField(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var team = await app.TeamAsync();
        var ticket = await agent.CreateTicketAsync(teamId: team);

        await (await agent.ReferAsync(ticket.Number, await app.TeamAsync(), reason: " ")).InvalidAsync("reason");
        await (await agent.ReferAsync(ticket.Number, 999_999_999)).InvalidAsync("teamId");
        await (await agent.ReferAsync(ticket.Number, team)).InvalidAsync("teamId"); // already there
        var noTeam = await agent.CreateTicketAsync(tags: ["nothing" + Guid.NewGuid().ToString("N")[..6]]);
        var problem = await (await agent.ReferAsync(noTeam.Number, teamId: null)).InvalidAsync("teamId");
        Assert.Contains("no referral rule", problem["errors"]!["teamId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(team, (await agent.GetTicketAsync(ticket.Number)).Team?.Id);
    }

    [Theory, Providers]
    public async Task ATicketTheCallerCannotSee_IsNotFound(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var restricted = (await admin.CreateTeamAsync(restricted: true)).Id;
        var ticket = await admin.CreateTicketAsync(teamId: restricted);
        var (_, outsider) = await app.SignInAsync(Role.Agent);

        await (await outsider.ReferAsync(ticket.Number, await app.TeamAsync())).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.EscalateAsync(ticket.Number)).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.CommitAsync(ticket.Number, new { kind = "refund", amount = 5, description = "x" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task ReferralRules_AreManagedInOrder_ValidatedByField_AndAudited(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var team = await app.TeamAsync();
        var first = await manager.CreateRuleAsync(new { name = "First " + team, teamId = team });
        var second = await manager.CreateRuleAsync(new { name = "Second " + team, teamId = team, position = first.Position });
        Assert.Equal(first.Position, second.Position);
        Assert.Equal(first.Position + 1, (await (await manager.GetAsync($"/api/v1/referral-rules/{first.Id}")).ReadAsync<ReferralRuleDto>()).Position);

        var moved = await (await manager.PatchJsonAsync($"/api/v1/referral-rules/{first.Id}", new { position = second.Position, isActive = false }))
            .ReadAsync<ReferralRuleDto>();
        Assert.Equal((second.Position, false), (moved.Position, moved.IsActive));

        await (await manager.PostAsJsonAsync("/api/v1/referral-rules", new { name = "", teamId = (long?)null })).InvalidAsync("teamId");
        await (await manager.PostAsJsonAsync("/api/v1/referral-rules", new { name = first.Name, teamId = team })).InvalidAsync("name");
        await (await manager.PostAsJsonAsync("/api/v1/referral-rules", new { name = "Customer " + team, teamId = team, notifyRole = "customer" })).InvalidAsync("notifyRole");
        await (await manager.PostAsJsonAsync("/api/v1/referral-rules", new
        {
            name = "Bad " + team, teamId = team, conditions = new { all = new[] { new { field = "colour", @operator = "is", value = "red" } } },
        })).InvalidAsync("conditions.all[0].field");

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/referral-rules/{second.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/referral-rules/{second.Id}")).StatusCode);
        var actions = await app.WithDbAsync(d => d.AuditEvents.Where(a => a.EntityType == "referral_rule" && a.EntityId == first.Id.ToString())
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["created", "deactivated"], actions);
    }
}
