using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.Conditions;
using Rapport.Features.People;
using Rapport.Features.ServiceLevels;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.ServiceLevels;

/// <summary>
/// SLA clocks on real tickets, through the API, on a London office calendar (Mon–Fri 09:00–17:00; in January
/// London is on UTC, so the times below read the same in both). 7 January 2030 is a Monday.
/// </summary>
public class TicketSlaTests(SlaFixture fixture) : IClassFixture<SlaFixture>
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private static string NewTag() => "sla" + Guid.NewGuid().ToString("N")[..10];

    private static ConditionSet Tagged(string tag) => new() { All = [Condition.Of("tags", ConditionOperators.IncludesAny, tag)] };

    private static object NewTicket(string tag, string priority = "normal", Guid? assignee = null) => new
    {
        subject = "Heating broken",
        body = "No heat since the weekend.",
        requester = new { email = RapportApp.UniqueEmail("sla"), name = "Sam" },
        tags = new[] { tag },
        priority,
        assigneeId = assignee,
    };

    private static SlaTargetDto Target(TicketDto ticket, SlaMetric metric) => Assert.Single(ticket.Sla!, t => t.Metric == metric);

    [Theory, Providers]
    public async Task FirstResponse_IsDueInBusinessHours_AndAReplyMeetsIt(Db db)
    {
        var app = await fixture.For(db);
        var tag = NewTag();
        await SlaSetup.AddPolicyAsync(app, Tagged(tag), await SlaSetup.AddOfficeCalendarAsync(app), firstResponse: 60, nextResponse: null, resolution: 480);
        var (_, agent) = await app.SignInAsync(Role.Agent);

        fixture.Clock.Now = At("2030-01-11T16:30"); // Friday, half an hour before closing
        var created = await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(tag))).ReadAsync<TicketDto>(HttpStatusCode.Created);
        var ticket = await (await agent.GetAsync($"/api/v1/tickets/{created.Number}")).ReadAsync<TicketDto>();

        var firstResponse = Target(ticket, SlaMetric.FirstResponse);
        Assert.Equal((SlaState.Active, At("2030-01-14T09:30"), 60), (firstResponse.State, firstResponse.DueAt, firstResponse.RemainingMinutes));
        Assert.Equal(At("2030-01-14T16:30"), Target(ticket, SlaMetric.Resolution).DueAt); // half an hour on Friday, seven and a half on Monday
        Assert.Equal(firstResponse.DueAt, ticket.SlaDueAt);

        fixture.Clock.Now = At("2030-01-14T09:10");
        await ReplyAsync(agent, ticket.Number, "An engineer is on the way.");
        ticket = await (await agent.GetAsync($"/api/v1/tickets/{created.Number}")).ReadAsync<TicketDto>();
        firstResponse = Target(ticket, SlaMetric.FirstResponse);
        Assert.Equal((SlaState.Met, 20), (firstResponse.State, firstResponse.RemainingMinutes));
        Assert.Equal(Target(ticket, SlaMetric.Resolution).DueAt, ticket.SlaDueAt);
    }

    [Theory, Providers]
    public async Task WaitingOnTheCustomer_PausesTheClocks_AndTheirReplyResumesThem(Db db)
    {
        var app = await fixture.For(db);
        var customer = await app.CreateUserAsync(Role.Customer);
        await SlaSetup.AddPolicyAsync(app, new ConditionSet { All = [Condition.Of("requester", ConditionOperators.Is, customer.CustomerId!.Value.ToString())] },
            await SlaSetup.AddOfficeCalendarAsync(app), firstResponse: 60, nextResponse: 120, resolution: 480);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var asCustomer = app.ClientFor(customer);

        fixture.Clock.Now = At("2030-01-14T10:00");
        var number = (await (await asCustomer.PostAsJsonAsync("/api/v1/tickets", new { subject = "Refund", body = "Please refund order 17." }))
            .ReadAsync<TicketDto>(HttpStatusCode.Created)).Number;
        fixture.Clock.Now = At("2030-01-14T11:00");
        await ReplyAsync(agent, number, "Could you send the receipt?", status: "pending");

        var paused = Target(await ReadAsync(agent, number), SlaMetric.Resolution);
        Assert.Equal((SlaState.Paused, 420, (DateTimeOffset?)null), (paused.State, paused.RemainingMinutes, paused.DueAt));

        fixture.Clock.Now = At("2030-01-16T10:00"); // two days later the customer answers
        Assert.Equal(HttpStatusCode.Created, (await asCustomer.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body = "Receipt attached." })).StatusCode);
        var ticket = await ReadAsync(agent, number);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal((SlaState.Active, At("2030-01-16T17:00")), (Target(ticket, SlaMetric.Resolution).State, Target(ticket, SlaMetric.Resolution).DueAt));
        var next = Target(ticket, SlaMetric.NextResponse);
        Assert.Equal((SlaState.Active, At("2030-01-16T12:00")), (next.State, next.DueAt));
        Assert.Equal(next.DueAt, ticket.SlaDueAt);

        fixture.Clock.Now = At("2030-01-16T11:30");
        await ReplyAsync(agent, number, "Refund issued.", status: "solved", assignTo: agent);
        ticket = await ReadAsync(agent, number);
        Assert.Equal(SlaState.Met, Target(ticket, SlaMetric.NextResponse).State);
        Assert.Equal(SlaState.Met, Target(ticket, SlaMetric.Resolution).State);
        Assert.Null(ticket.SlaDueAt);

        var asSeenByCustomer = await ReadAsync(asCustomer, number);
        Assert.Null(asSeenByCustomer.Sla);
        Assert.Null(asSeenByCustomer.SlaDueAt);
    }

    [Theory, Providers]
    public async Task TheSweep_RecordsAWarningAndABreachOnce_NotifiesTheAssignee_AndEscalatesWhenThePolicySays(Db db)
    {
        var app = await fixture.For(db);
        var tag = NewTag();
        await SlaSetup.AddPolicyAsync(app, Tagged(tag), await SlaSetup.AddOfficeCalendarAsync(app), firstResponse: 60, nextResponse: null, resolution: null,
            escalateOnBreach: true);
        var (owner, agent) = await app.SignInAsync(Role.Agent);
        fixture.Clock.Now = At("2030-01-21T09:00");
        var number = (await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(tag, assignee: owner.Id))).ReadAsync<TicketDto>(HttpStatusCode.Created)).Number;

        fixture.Clock.Now = At("2030-01-21T09:50"); // past the 80 % warning at 09:48
        await SweepAsync(app);
        await SweepAsync(app);
        Assert.Equal(["sla_warning"], await SlaEventsAsync(app, number));
        Assert.Equal(0, (await ReadAsync(agent, number)).EscalationLevel);

        fixture.Clock.Now = At("2030-01-21T10:05");
        await SweepAsync(app);
        await SweepAsync(app);
        Assert.Equal(["sla_warning", "sla_breached", "escalated"], await SlaEventsAsync(app, number));
        var ticket = await ReadAsync(agent, number);
        Assert.Equal((SlaState.Breached, 1), (Target(ticket, SlaMetric.FirstResponse).State, ticket.EscalationLevel));
        Assert.Equal(-5, Target(ticket, SlaMetric.FirstResponse).RemainingMinutes);

        var kinds = await app.WithDbAsync(d => d.Notifications.Where(n => n.UserId == owner.Id && n.TicketNumber == number).Select(n => n.Kind).ToListAsync());
        Assert.Equal(["escalated", "sla_breached", "sla_warning"], kinds.Order().ToList());
    }

    [Theory, Providers]
    public async Task RaisingThePriority_MovesTheTicketToTheUrgentPolicy_WhoseTargetCountsFromArrival(Db db)
    {
        var app = await fixture.For(db);
        var tag = NewTag();
        var urgentConditions = Tagged(tag) with { All = [.. Tagged(tag).All, Condition.Of("priority", ConditionOperators.Is, "urgent")] };
        var urgent = await SlaSetup.AddPolicyAsync(app, urgentConditions, null, firstResponse: 30, nextResponse: null, resolution: null, position: -1);
        await SlaSetup.AddPolicyAsync(app, Tagged(tag), null, firstResponse: 240, nextResponse: null, resolution: null);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        fixture.Clock.Now = At("2030-01-26T12:00"); // a Saturday: these targets count around the clock

        var number = (await (await agent.PostAsJsonAsync("/api/v1/tickets", NewTicket(tag))).ReadAsync<TicketDto>(HttpStatusCode.Created)).Number;
        Assert.Equal(At("2030-01-26T16:00"), (await ReadAsync(agent, number)).SlaDueAt);

        fixture.Clock.Now = At("2030-01-26T12:10");
        var patched = await agent.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { priority = "urgent" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var ticket = await ReadAsync(agent, number);
        Assert.Equal(At("2030-01-26T12:30"), ticket.SlaDueAt);
        Assert.Equal(20, Target(ticket, SlaMetric.FirstResponse).RemainingMinutes);
        var audit = await (await agent.GetAsync($"/api/v1/tickets/{number}/audit")).ReadAsync<Page<Features.Audit.AuditEventDto>>();
        Assert.Contains(audit.Items, e => e.Changes.TryGetProperty("slaPolicyId", out var change)
            && change.GetProperty("after").GetInt64() == urgent);
    }

    [Theory, Providers]
    public async Task BreachingSoon_ListsRunningClocks_MostUrgentFirst_AndOnlyForStaff(Db db)
    {
        var app = await fixture.For(db);
        var tag = NewTag();
        await SlaSetup.AddPolicyAsync(app, Tagged(tag) with { All = [.. Tagged(tag).All, Condition.Of("priority", ConditionOperators.Is, "high")] },
            null, firstResponse: 15, nextResponse: null, resolution: null, position: -1);
        await SlaSetup.AddPolicyAsync(app, Tagged(tag), null, firstResponse: 120, nextResponse: null, resolution: null);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        fixture.Clock.Now = At("2030-02-04T09:00");

        var relaxed = await CreateAsync(agent, NewTicket(tag));
        var urgent = await CreateAsync(agent, NewTicket(tag, "high"));
        var waiting = await CreateAsync(agent, NewTicket(tag, "high"));
        await ReplyAsync(agent, waiting, "Which address?", status: "pending");
        await CreateAsync(agent, NewTicket(NewTag())); // no policy: never in the list

        var page = await (await agent.GetAsync($"/api/v1/tickets?sort=sla_due&limit=100")).ReadAsync<Page<TicketDto>>();
        var mine = page.Items.Where(t => t.Tags.Contains(tag)).Select(t => t.Number).ToList();
        Assert.Equal([urgent, relaxed], mine);
        Assert.True(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.SlaDueAt <= p.Second.SlaDueAt), "ordered by due time");

        var customer = app.ClientFor(await app.CreateUserAsync(Role.Customer));
        await (await customer.GetAsync("/api/v1/tickets?sort=sla_due")).InvalidAsync("sort");
    }

    [Theory, Providers]
    public async Task ATicketNoPolicyCovers_HasNoClocks(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await ReadAsync(agent, await CreateAsync(agent, NewTicket(NewTag())));
        Assert.Empty(ticket.Sla!);
        Assert.Null(ticket.SlaDueAt);
    }

    private static async Task<long> CreateAsync(HttpClient client, object ticket) =>
        (await (await client.PostAsJsonAsync("/api/v1/tickets", ticket)).ReadAsync<TicketDto>(HttpStatusCode.Created)).Number;

    private static async Task<TicketDto> ReadAsync(HttpClient client, long number) =>
        await (await client.GetAsync($"/api/v1/tickets/{number}")).ReadAsync<TicketDto>();

    private static async Task ReplyAsync(HttpClient agent, long number, string body, string? status = null, HttpClient? assignTo = null)
    {
        if (assignTo is not null)
        {
            var me = await (await assignTo.GetAsync("/api/v1/me")).ReadAsync<Dictionary<string, System.Text.Json.JsonElement>>();
            Assert.Equal(HttpStatusCode.OK, (await agent.PatchAsJsonAsync($"/api/v1/tickets/{number}", new { assigneeId = me["id"].GetString() })).StatusCode);
        }
        var response = await agent.PostAsJsonAsync($"/api/v1/tickets/{number}/messages", new { body, status });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static Task SweepAsync(RapportApp app) => app.WithScopeAsync(services => services.GetRequiredService<SlaSweep>().RunAsync(default));

    private static Task<List<string>> SlaEventsAsync(RapportApp app, long number) => app.WithDbAsync(db => db.AuditEvents
        .Where(a => a.TicketNumber == number && (a.Action.StartsWith("sla_") || a.Action == "escalated")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
}
