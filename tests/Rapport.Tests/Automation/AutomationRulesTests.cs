using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.Automation;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.ServiceLevels;

namespace Rapport.Tests.Automation;

/// <summary>Rules through the API, firing on real tickets; each test's rules match only its own tag.</summary>
public class AutomationRulesTests(SlaFixture fixture) : IClassFixture<SlaFixture>
{
    private static string NewTag() => "auto" + Guid.NewGuid().ToString("N")[..10];

    private static object Tagged(string tag) => new { all = new[] { new { field = "tags", @operator = "includes_any", value = tag } } };

    private static object Rule(string name, string trigger, object conditions, params object[] actions) => new { name, trigger, conditions, actions };

    private static async Task<AutomationRuleDto> CreateRuleAsync(HttpClient manager, object rule) =>
        await (await manager.PostAsJsonAsync("/api/v1/automation-rules", rule)).ReadAsync<AutomationRuleDto>(HttpStatusCode.Created);

    private static async Task<long> CreateTicketAsync(HttpClient agent, string tag, Guid? assignee = null) =>
        (await (await agent.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Printer jammed",
            body = "Paper stuck.",
            tags = new[] { tag },
            assigneeId = assignee,
            requester = new { email = RapportApp.UniqueEmail("auto"), name = "Ira" },
        })).ReadAsync<TicketDto>(HttpStatusCode.Created)).Number;

    [Theory, Providers]
    public async Task ARuleOnCreation_ChangesTheTicket_AddsANote_AndIsInTheHistory(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var tag = NewTag();
        await CreateRuleAsync(manager, Rule("VIP triage " + tag, "ticket_created", Tagged(tag),
            new { type = "set_priority", value = "high" }, new { type = "add_tags", value = new[] { "triaged" } },
            new { type = "add_note", value = "Checked by the VIP rule." }));

        var number = await CreateTicketAsync(agent, tag);
        var ticket = await (await agent.GetAsync($"/api/v1/tickets/{number}")).ReadAsync<TicketDto>();
        Assert.Equal(Priority.High, ticket.Priority);
        Assert.Contains("triaged", ticket.Tags);
        var messages = await (await agent.GetAsync($"/api/v1/tickets/{number}/messages")).ReadAsync<Page<MessageDto>>();
        Assert.Equal(MessageVisibility.Internal, messages.Items[^1].Visibility);
        var actions = await AuditActionsAsync(app, number);
        Assert.Contains("automation_ran", actions);
        var byRule = await app.WithDbAsync(d => d.AuditEvents.Where(a => a.TicketNumber == number && a.ActorName.StartsWith("Automation: VIP triage")).CountAsync());
        Assert.True(byRule >= 2, "the rule's changes are recorded under the rule's name");
    }

    [Theory, Providers]
    public async Task RulesThatTriggerEachOther_StopAtTheDepthCap_AndSaySo(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var tag = NewTag();
        // Each rule adds the tag the next one waits for: a chain longer than the cap.
        for (var i = 0; i <= RunAutomation.MaxDepth; i++)
        {
            var wants = i == 0 ? tag : $"{tag}-{i}";
            await CreateRuleAsync(manager, Rule($"Chain {i} {tag}", "ticket_updated", Tagged(wants), new { type = "add_tags", value = $"{tag}-{i + 1}" }));
        }
        var number = await CreateTicketAsync(agent, tag);
        Assert.Equal(HttpStatusCode.OK, (await agent.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { priority = "low" })).StatusCode);

        var ticket = await (await agent.GetAsync($"/api/v1/tickets/{number}")).ReadAsync<TicketDto>();
        Assert.Contains($"{tag}-{RunAutomation.MaxDepth}", ticket.Tags);
        Assert.DoesNotContain($"{tag}-{RunAutomation.MaxDepth + 1}", ticket.Tags);
        Assert.Contains("automation_stopped", await AuditActionsAsync(app, number));
    }

    [Theory, Providers]
    public async Task AScheduledRule_SolvesTicketsPendingForAWeek_WithAMessage_Once(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (owner, agent) = await app.SignInAsync(Role.Agent);
        var tag = NewTag();
        await CreateRuleAsync(manager, Rule("Close stale " + tag, "scheduled",
            new
            {
                all = new object[]
                {
                    new { field = "tags", @operator = "includes_any", value = tag },
                    new { field = "status", @operator = "is", value = "pending" },
                    new { field = "updated_at", @operator = "older_than", value = "7d" },
                },
            },
            new { type = "reply", value = "We have not heard back, so we are closing this request. Reply to reopen it." },
            new { type = "set_status", value = "solved" }));

        fixture.Clock.Now = new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var waiting = await CreateTicketAsync(agent, tag, owner.Id);
        var fresh = await CreateTicketAsync(agent, tag, owner.Id);
        foreach (var number in new[] { waiting, fresh })
            Assert.Equal(HttpStatusCode.OK, (await agent.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { status = "pending" })).StatusCode);
        fixture.Clock.Now = fixture.Clock.Now.AddDays(6);
        Assert.Equal(HttpStatusCode.Created, (await agent.PostAsJsonAsync($"/api/v1/tickets/{fresh}/messages", new { body = "Still checking", visibility = "internal" })).StatusCode);

        fixture.Clock.Now = fixture.Clock.Now.AddDays(2);
        await SweepAsync(app);
        await SweepAsync(app);

        Assert.Equal(TicketStatus.Solved, (await (await agent.GetAsync($"/api/v1/tickets/{waiting}")).ReadAsync<TicketDto>()).Status);
        Assert.Equal(TicketStatus.Pending, (await (await agent.GetAsync($"/api/v1/tickets/{fresh}")).ReadAsync<TicketDto>()).Status);
        var messages = await (await agent.GetAsync($"/api/v1/tickets/{waiting}/messages")).ReadAsync<Page<MessageDto>>();
        Assert.Single(messages.Items, m => m.BodyText.StartsWith("We have not heard back", StringComparison.Ordinal));
        Assert.Single(await AuditActionsAsync(app, waiting), a => a == "automation_ran");
    }

    [Theory, Providers]
    public async Task AnActionTheTicketRulesRefuse_IsRecordedAsRefused(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var tag = NewTag();
        await CreateRuleAsync(manager, Rule("Solve at once " + tag, "ticket_created", Tagged(tag), new { type = "set_status", value = "solved" }));
        var number = await CreateTicketAsync(agent, tag); // nobody assigned: solving is refused

        Assert.Equal(TicketStatus.New, (await (await agent.GetAsync($"/api/v1/tickets/{number}")).ReadAsync<TicketDto>()).Status);
        var outcome = await app.WithDbAsync(d => d.AuditEvents.Where(a => a.TicketNumber == number && a.Action == "automation_ran").Select(a => a.Changes).SingleAsync());
        Assert.Contains("refused", outcome);
        Assert.Contains("assignee", outcome);
    }

    [Theory, Providers]
    public async Task BadRules_AreRefusedWithTheFieldNamed_AndManagersAlone_ManageThem(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var tag = NewTag();
        await (await manager.PostAsJsonAsync("/api/v1/automation-rules", Rule("", "ticket_created", Tagged(tag), new { type = "add_tags", value = "x" }))).InvalidAsync("name");
        await (await manager.PostAsJsonAsync("/api/v1/automation-rules", Rule("No trigger " + tag, "sometimes", Tagged(tag), new { type = "add_tags", value = "x" }))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await manager.PostAsJsonAsync("/api/v1/automation-rules", Rule("Everything " + tag, "scheduled", new { all = Array.Empty<object>() }, new { type = "add_tags", value = "x" }))).InvalidAsync("conditions");
        await (await manager.PostAsJsonAsync("/api/v1/automation-rules", Rule("Bad action " + tag, "ticket_created", Tagged(tag), new { type = "launch" }))).InvalidAsync("actions[0].type");
        await (await manager.PostAsJsonAsync("/api/v1/automation-rules", Rule("Bad field " + tag, "ticket_created",
            new { all = new[] { new { field = "mood", @operator = "is", value = "x" } } }, new { type = "add_tags", value = "x" }))).InvalidAsync("conditions.all[0].field");

        var rule = await CreateRuleAsync(manager, Rule("Good " + tag, "ticket_created", Tagged(tag), new { type = "add_tags", value = "x" }));
        await (await manager.PostAsJsonAsync("/api/v1/automation-rules", Rule("Good " + tag, "ticket_created", Tagged(tag), new { type = "add_tags", value = "y" }))).InvalidAsync("name");
        var replaced = await (await manager.PutAsJsonAsync($"/api/v1/automation-rules/{rule.Id}",
            Rule("Good " + tag, "ticket_updated", Tagged(tag), new { type = "add_tags", value = "z" }))).ReadAsync<AutomationRuleDto>();
        Assert.Equal(AutomationTrigger.TicketUpdated, replaced.Trigger);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/automation-rules/{rule.Id}")).StatusCode);
        await (await manager.GetAsync($"/api/v1/automation-rules/{rule.Id}")).ProblemAsync(HttpStatusCode.NotFound);

        var (_, lead) = await app.SignInAsync(Role.TeamLead);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/v1/automation-rules")).StatusCode);
    }

    [Theory, Providers]
    public async Task ANewRuleGoesLast_AndMovingOneRenumbersTheOrder(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var tag = NewTag();
        var first = await CreateRuleAsync(manager, Rule("First " + tag, "ticket_created", Tagged(tag), new { type = "add_tags", value = "one" }));
        var second = await CreateRuleAsync(manager, Rule("Second " + tag, "ticket_created", Tagged(tag), new { type = "add_tags", value = "two" }));
        var listed = await (await manager.GetAsync("/api/v1/automation-rules")).ReadAsync<List<AutomationRuleDto>>();
        Assert.Equal(second.Id, listed[^1].Id);

        var moved = await (await manager.PutAsJsonAsync($"/api/v1/automation-rules/{second.Id}/position", new { position = 1 })).ReadAsync<AutomationRuleDto>();
        Assert.Equal(1, moved.Position);
        var order = (await (await manager.GetAsync("/api/v1/automation-rules")).ReadAsync<List<AutomationRuleDto>>()).ToList();
        Assert.Equal(second.Id, order[0].Id);
        Assert.Equal(Enumerable.Range(1, order.Count), order.Select(r => r.Position));
        Assert.True(order.FindIndex(r => r.Id == first.Id) > 0);
        await (await manager.PutAsJsonAsync($"/api/v1/automation-rules/{second.Id}/position", new { position = order.Count + 1 })).InvalidAsync("position");
        var audit = await app.WithDbAsync(d => d.AuditEvents.Where(a => a.EntityType == "automation_rule" && a.EntityId == second.Id.ToString() && a.Action == "moved").CountAsync());
        Assert.Equal(1, audit);
    }

    private static Task SweepAsync(RapportApp app) => app.WithScopeAsync(services => services.GetRequiredService<ScheduledRules>().RunAsync(default));

    private static Task<List<string>> AuditActionsAsync(RapportApp app, long number) =>
        app.WithDbAsync(d => d.AuditEvents.Where(a => a.TicketNumber == number).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
}
