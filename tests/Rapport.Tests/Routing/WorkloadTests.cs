using System.Net;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.People;
using Rapport.Features.Routing;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Routing;

public class WorkloadTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Workload_CountsEachMembersTicketsByStatus_Breaching_AndLoad(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.Manual, 2);
        var (busy, away) = (crew[0], crew[1]);
        var (_, staff) = await app.SignInAsync(Role.Agent);
        var now = DateTimeOffset.UtcNow;
        var fresh = await staff.CreateTicketAsync(crew.Team.Id, assigneeId: busy.Id);
        var urgent = await staff.CreateTicketAsync(crew.Team.Id, assigneeId: busy.Id, priority: "urgent", direction: "outbound");
        var low = await staff.CreateTicketAsync(crew.Team.Id, assigneeId: busy.Id, priority: "low");
        var pending = await staff.CreateTicketAsync(assigneeId: busy.Id, priority: "high");
        await staff.PatchTicketAsync(pending.Number, new { status = "pending" });
        var held = await staff.CreateTicketAsync(crew.Team.Id, assigneeId: busy.Id);
        await staff.PatchTicketAsync(held.Number, new { status = "on_hold" });
        var solved = await staff.CreateTicketAsync(crew.Team.Id, assigneeId: busy.Id);
        await staff.PatchTicketAsync(solved.Number, new { status = "solved" });
        await app.WithDbAsync(async data =>
        {
            // Overdue, due within the hour, due later, and a solved one that no longer counts.
            foreach (var (number, due) in new[] { (fresh.Number, now.AddHours(-2)), (urgent.Number, now.AddMinutes(30)), (low.Number, now.AddHours(3)), (solved.Number, now) })
                await data.Tickets.Where(t => t.Number == number).ExecuteUpdateAsync(set => set.SetProperty(t => t.SlaDueAt, due));
            return 0;
        });
        await crew.LeadClient.SetAvailabilityAsync(away.Id, "away");
        var absence = await crew.LeadClient.RecordAbsenceAsync(away.Id, now.AddMinutes(-5), now.AddDays(2), kind: "sickness");

        var workload = await (await crew.LeadClient.GetAsync($"/api/v1/teams/{crew.Team.Id}/workload")).ReadAsync<TeamWorkloadDto>();

        Assert.Equal((crew.Team.Id, crew.Team.Name, AssignmentMethod.Manual), (workload.TeamId, workload.TeamName, workload.AssignmentMethod));
        Assert.Equal(3, workload.Agents.Count);
        var row = workload.Agents.Single(a => a.UserId == busy.Id);
        Assert.Equal((Availability.Available, (AbsenceRef?)null), (row.Availability, row.Absence));
        // Open counts new and open; load is 2 (normal) + 5 (urgent) + 1 (low); pending and on hold weigh nothing.
        Assert.Equal((3, 1, 1, 2, 8), (row.Open, row.Pending, row.OnHold, row.Breaching, row.Load));
        var absent = workload.Agents.Single(a => a.UserId == away.Id);
        Assert.Equal((Availability.Away, new AbsenceRef(absence.Id, AbsenceKind.Sickness, absence.EndsAt)), (absent.Availability, absent.Absence));
        Assert.Equal((0, 0, 0, 0, 0), (absent.Open, absent.Pending, absent.OnHold, absent.Breaching, absent.Load));
        Assert.Equal(Availability.Offline, workload.Agents.Single(a => a.UserId == crew.Lead.Id).Availability);
    }

    [Theory, Providers]
    public async Task Workload_IsForTheTeamsLeads_AndManagers(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.Manual, 1);
        var (_, outsider) = await app.SignInAsync(Role.TeamLead);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var url = $"/api/v1/teams/{crew.Team.Id}/workload";

        await (await crew.LeadClient.GetAsync(url)).ReadAsync<TeamWorkloadDto>();
        await (await manager.GetAsync(url)).ReadAsync<TeamWorkloadDto>();
        await (await outsider.GetAsync(url)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientFor(crew[0]).GetAsync(url)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.GetAsync("/api/v1/teams/999999999/workload")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
