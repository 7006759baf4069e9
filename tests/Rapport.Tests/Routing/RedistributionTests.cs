using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Features.People;
using Rapport.Features.Routing;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Routing;

/// <summary>
/// Each test runs its own app on a clock it moves. The sweep's timer first fires a minute after
/// start, so the tests stay within that minute and call the use case themselves, except the one
/// that checks the timer.
/// </summary>
public class RedistributionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Task<int> SweepAsync(RapportApp app) =>
        app.WithScopeAsync(services => services.GetRequiredService<RedistributeAbsentWork>().RunAsync(default));

    [Theory, Providers]
    public async Task AnAbsenceThatStarts_MovesTheAgentsUnsolvedTicketsByTheTeamsMethod_Once(Db db)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await RapportApp.StartAsync(db, clock: clock);
        var crew = await app.CrewAsync(AssignmentMethod.RoundRobin, 3);
        var (absent, first, second) = (crew[0], crew[1], crew[2]);
        var (_, staff) = await app.SignInAsync(Role.Agent);
        var open = await staff.CreateTicketAsync(crew.Team.Id, assigneeId: absent.Id, direction: "outbound");
        var fresh = await staff.CreateTicketAsync(crew.Team.Id, assigneeId: absent.Id, priority: "urgent");
        var pending = await staff.CreateTicketAsync(crew.Team.Id, assigneeId: absent.Id);
        await staff.PatchTicketAsync(pending.Number, new { status = "pending" });
        var held = await staff.CreateTicketAsync(crew.Team.Id, assigneeId: absent.Id);
        await staff.PatchTicketAsync(held.Number, new { status = "on_hold" });
        var solved = await staff.CreateTicketAsync(crew.Team.Id, assigneeId: absent.Id);
        await staff.PatchTicketAsync(solved.Number, new { status = "solved" });
        var teamless = await staff.CreateTicketAsync(assigneeId: absent.Id);

        var absence = await crew.LeadClient.RecordAbsenceAsync(absent.Id, Start.AddSeconds(30), Start.AddDays(3), note: "Half term");
        Assert.Null(absence.RedistributedAt);
        Assert.Equal(0, await SweepAsync(app));
        Assert.Equal(absent.Id, (await staff.GetTicketAsync(open.Number)).Assignee?.Id);

        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(5, await SweepAsync(app));

        var moved = new List<TicketDto>();
        foreach (var number in new[] { open.Number, fresh.Number, pending.Number, held.Number }) moved.Add(await staff.GetTicketAsync(number));
        Assert.Equal(2, moved.Count(t => t.Assignee?.Id == first.Id));
        Assert.Equal(2, moved.Count(t => t.Assignee?.Id == second.Id));
        Assert.Equal(TicketStatus.Pending, moved[2].Status);
        Assert.Equal(absent.Id, (await staff.GetTicketAsync(solved.Number)).Assignee?.Id);
        Assert.Null((await staff.GetTicketAsync(teamless.Number)).Assignee);

        var (byRapport, changes) = Assert.Single(await staff.TicketEventsAsync(fresh.Number, "redistributed"));
        Assert.Equal("Rapport", byRapport.ActorName);
        Assert.Equal((absent.Id.ToString(), "round_robin"), (changes["assigneeId"]!["before"]!.GetValue<string>(), changes.After("method")));
        Assert.Equal($"Agent {absent.Email[..8]} is absent (holiday) until 2026-03-05 09:00 UTC; round robin: next in turn of 2 available agents",
            changes.After("reason"));
        var (_, queued) = Assert.Single(await staff.TicketEventsAsync(teamless.Number, "redistributed"));
        Assert.Null(queued["assigneeId"]!["after"]);
        Assert.EndsWith("the ticket has no team, so it waits unassigned", queued.After("reason"), StringComparison.Ordinal);

        // Once: a ticket given back to the absent agent by hand stays with them, and nothing is audited again.
        await staff.PatchTicketAsync(open.Number, new { assigneeId = absent.Id });
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await SweepAsync(app));
        Assert.Equal(absent.Id, (await staff.GetTicketAsync(open.Number)).Assignee?.Id);
        Assert.Single(await staff.TicketEventsAsync(fresh.Number, "redistributed"));
        var done = await app.WithDbAsync(data => data.Absences.SingleAsync(a => a.Id == absence.Id));
        Assert.Equal(Start.AddSeconds(40), done.RedistributedAt);
    }

    [Theory, Providers]
    public async Task ManualTeamsAndTeamsWithNobodyAvailable_GetTheTicketsBackInTheirQueue(Db db)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await RapportApp.StartAsync(db, clock: clock);
        var manual = await app.CrewAsync(AssignmentMethod.Manual, 2);
        var empty = await app.CrewAsync(AssignmentMethod.LeastLoaded, 1);
        await empty.LeadClient.SetAvailabilityAsync(empty[0].Id, "away");
        var absent = manual[0];
        await manual.Admin.PutAsync($"/api/v1/teams/{empty.Team.Id}/members/{absent.Id}", null);
        var (_, staff) = await app.SignInAsync(Role.Agent);
        var byHand = await staff.CreateTicketAsync(manual.Team.Id, assigneeId: absent.Id);
        var nobody = await staff.CreateTicketAsync(empty.Team.Id, assigneeId: absent.Id);

        // Recorded as already started: redistributed at once, in the same request.
        var absence = await manual.LeadClient.RecordAbsenceAsync(absent.Id, Start.AddHours(-2), Start.AddDays(1), kind: "sickness");
        Assert.Equal(Start, absence.RedistributedAt);

        Assert.Null((await staff.GetTicketAsync(byHand.Number)).Assignee);
        Assert.Null((await staff.GetTicketAsync(nobody.Number)).Assignee);
        var (_, manualWhy) = Assert.Single(await staff.TicketEventsAsync(byHand.Number, "redistributed"));
        Assert.EndsWith("the team assigns by hand, so it is back in the team queue", manualWhy.After("reason"), StringComparison.Ordinal);
        var (_, nobodyWhy) = Assert.Single(await staff.TicketEventsAsync(nobody.Number, "redistributed"));
        Assert.EndsWith("nobody in the team is available, so it is back in the team queue", nobodyWhy.After("reason"), StringComparison.Ordinal);
        Assert.Equal(0, await SweepAsync(app));
    }

    [Theory, Providers]
    public async Task LeastLoaded_SpreadsTheAbsentAgentsTicketsByLoad(Db db)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await RapportApp.StartAsync(db, clock: clock);
        var crew = await app.CrewAsync(AssignmentMethod.LeastLoaded, 3);
        var (absent, busy, idle) = (crew[0], crew[1], crew[2]);
        var (_, staff) = await app.SignInAsync(Role.Agent);
        for (var i = 0; i < 2; i++) await staff.CreateTicketAsync(crew.Team.Id, assigneeId: busy.Id, priority: "high");
        var tickets = new List<TicketDto>();
        for (var i = 0; i < 4; i++) tickets.Add(await staff.CreateTicketAsync(crew.Team.Id, assigneeId: absent.Id));

        await crew.LeadClient.RecordAbsenceAsync(absent.Id, Start, Start.AddDays(1), kind: "training");

        // busy starts at 6, idle at 0: idle takes tickets (2 each) until 6, then they alternate.
        var assignees = new List<Guid?>();
        foreach (var ticket in tickets) assignees.Add((await staff.GetTicketAsync(ticket.Number)).Assignee?.Id);
        Assert.Equal([idle.Id, idle.Id, idle.Id, busy.Id], assignees);
    }

    [Theory, Providers]
    public async Task ACancelledAbsence_MovesNothing_AndTheAgentGetsWorkAgain(Db db)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await RapportApp.StartAsync(db, clock: clock);
        var crew = await app.CrewAsync(AssignmentMethod.RoundRobin, 1);
        var (_, staff) = await app.SignInAsync(Role.Agent);
        var ticket = await staff.CreateTicketAsync(crew.Team.Id, assigneeId: crew[0].Id);
        var absence = await crew.LeadClient.RecordAbsenceAsync(crew[0].Id, Start.AddSeconds(10), Start.AddDays(1));

        var cancelled = await (await crew.LeadClient.PostAsync($"/api/v1/absences/{absence.Id}/cancel", null)).ReadAsync<AbsenceDto>();
        Assert.Equal(Start, cancelled.CancelledAt);
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, await SweepAsync(app));
        Assert.Equal(crew[0].Id, (await staff.GetTicketAsync(ticket.Number)).Assignee?.Id);
        Assert.Equal(crew[0].Id, (await staff.CreateTicketAsync(crew.Team.Id)).Assignee?.Id);
    }

    [Theory, Providers]
    public async Task TheSweep_RunsEveryMinuteOnItsOwn(Db db)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await RapportApp.StartAsync(db, clock: clock);
        var crew = await app.CrewAsync(AssignmentMethod.RoundRobin, 2);
        var (_, staff) = await app.SignInAsync(Role.Agent);
        var ticket = await staff.CreateTicketAsync(crew.Team.Id, assigneeId: crew[0].Id);
        await crew.LeadClient.RecordAbsenceAsync(crew[0].Id, Start.AddSeconds(30), Start.AddDays(1));

        clock.Advance(TimeSpan.FromSeconds(61));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await staff.GetTicketAsync(ticket.Number)).Assignee?.Id != crew[1].Id && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(crew[1].Id, (await staff.GetTicketAsync(ticket.Number)).Assignee?.Id);
    }
}
