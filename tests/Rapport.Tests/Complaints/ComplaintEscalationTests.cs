using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Features.Complaints;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Complaints;

/// <summary>One app per provider on a clock the tests move; each test makes its own team and tickets.</summary>
public sealed class FakeClockAppFixture : IAsyncLifetime
{
    private readonly Dictionary<Db, Task<(RapportApp, FakeTimeProvider)>> _apps = [];
    private readonly Lock _lock = new();

    public Task<(RapportApp App, FakeTimeProvider Clock)> For(Db db)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(db, out var app)) _apps[db] = app = StartAsync(db);
            return app;
        }
    }

    private static async Task<(RapportApp, FakeTimeProvider)> StartAsync(Db db)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)); // a Monday
        return (await RapportApp.StartAsync(db, clock: clock), clock);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await (await app).Item1.DisposeAsync();
    }
}

public class ComplaintEscalationTests(FakeClockAppFixture fixture) : IClassFixture<FakeClockAppFixture>
{
    [Theory, Providers]
    public async Task OverdueAcknowledgement_EscalatesToTheComplaintsTeam_OncePerDeadline(Db db)
    {
        var (app, clock) = await fixture.For(db);
        var (member, teamId) = await ComplaintsTeamAsync(app);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync(assigneeId: agentUser.Id);
        var complaint = await agent.ComplaintAsync(ticket.Number);

        clock.SetUtcNow(complaint.AcknowledgeBy);
        await SweepAsync(app);
        Assert.Equal(0, (await TicketAsync(app, ticket.Number)).EscalationLevel);

        clock.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync(app);
        await SweepAsync(app);
        var escalated = await TicketAsync(app, ticket.Number);
        Assert.Equal(teamId, escalated.TeamId);
        Assert.Null(escalated.AssigneeId); // the assignee is not in the complaints team
        Assert.Equal(1, escalated.EscalationLevel);
        var notice = Assert.Single(await NotificationsAsync(app, member.Id, ticket.Number));
        Assert.Equal("complaint_overdue", notice.Kind);
        Assert.Contains("the acknowledgement (due", notice.Text);
        var events = await EscalationEventsAsync(app, ticket.Number);
        Assert.Contains("acknowledgement", Assert.Single(events).Changes);
        var overdue = (await agent.ComplaintAsync(ticket.Number)).Deadlines.Single(d => d.Deadline == ComplaintDeadline.Acknowledgement);
        Assert.True(overdue.Overdue);
        Assert.NotNull(overdue.EscalatedAt);

        clock.SetUtcNow(complaint.RespondBy.AddMinutes(1));
        await SweepAsync(app);
        await SweepAsync(app);
        Assert.Equal(2, (await TicketAsync(app, ticket.Number)).EscalationLevel);
        Assert.Equal(2, (await NotificationsAsync(app, member.Id, ticket.Number)).Count);
        Assert.Equal(2, (await EscalationEventsAsync(app, ticket.Number)).Count);
    }

    [Theory, Providers]
    public async Task DeadlinesMetInTime_AreNotEscalated_AndAnAssigneeInTheTeamKeepsTheTicket(Db db)
    {
        var (app, clock) = await fixture.For(db);
        var (member, teamId) = await ComplaintsTeamAsync(app);
        var agent = app.ClientFor(member);
        var ticket = await agent.CreateTicketAsync(assigneeId: member.Id);
        var complaint = await agent.MoveAsync(ticket.Number, new { stage = "acknowledged" });

        clock.SetUtcNow(complaint.AcknowledgeBy.AddHours(1));
        await SweepAsync(app);
        Assert.Equal(0, (await TicketAsync(app, ticket.Number)).EscalationLevel);

        clock.SetUtcNow(complaint.RespondBy.AddHours(1));
        await SweepAsync(app);
        var escalated = await TicketAsync(app, ticket.Number);
        Assert.Equal(1, escalated.EscalationLevel);
        Assert.Equal(teamId, escalated.TeamId);
        Assert.Equal(member.Id, escalated.AssigneeId);
        Assert.Contains("the final response (due", Assert.Single(await EscalationEventsAsync(app, ticket.Number)).Changes);
    }

    [Theory, Providers]
    public async Task Sweep_OpensTheProcedureOfComplaintTicketsThatArrivedWithoutOne(Db db)
    {
        var (app, _) = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync(type: "question");
        // As demo data or an import would leave it: a complaint ticket with no complaint record.
        await app.WithDbAsync(data => data.Tickets.Where(t => t.Number == ticket.Number)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Type, TicketType.Complaint)));

        await SweepAsync(app);
        var opened = await app.WithDbAsync(data => data.Complaints.AsNoTracking().SingleAsync(c => c.TicketNumber == ticket.Number));
        Assert.Equal(ticket.CreatedAt, opened.ReceivedAt);
        Assert.Equal(ComplaintStage.Received, opened.Stage);
    }

    /// <summary>A new team with one member, made the complaints team by a manager through the API.</summary>
    private static async Task<(TestUser Member, long TeamId)> ComplaintsTeamAsync(RapportApp app)
    {
        var member = await app.CreateUserAsync(Role.Agent);
        var teamId = await app.WithDbAsync(async data =>
        {
            var team = new Team { Name = "Complaints " + Guid.NewGuid().ToString("N")[..8], Members = [new TeamMember { UserId = member.Id }] };
            data.Teams.Add(team);
            await data.SaveChangesAsync();
            return team.Id;
        });
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var settings = await (await manager.PatchJsonAsync("/api/v1/complaint-settings", new { teamId })).ReadAsync<ComplaintSettingsDto>();
        Assert.Equal(teamId, settings.Team?.Id);
        return (member, teamId);
    }

    private static Task<int> SweepAsync(RapportApp app) =>
        app.WithScopeAsync(services => services.GetRequiredService<EscalateOverdueComplaints>().ExecuteAsync(default));

    private static Task<Ticket> TicketAsync(RapportApp app, long number) =>
        app.WithDbAsync(data => data.Tickets.AsNoTracking().SingleAsync(t => t.Number == number));

    private static Task<List<Features.Notifications.Notification>> NotificationsAsync(RapportApp app, Guid userId, long number) =>
        app.WithDbAsync(data => data.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.TicketNumber == number).ToListAsync());

    private static Task<List<Features.Audit.AuditEvent>> EscalationEventsAsync(RapportApp app, long number) =>
        app.WithDbAsync(data => data.AuditEvents.AsNoTracking().Where(a => a.TicketNumber == number && a.Action == "escalated").ToListAsync());
}
