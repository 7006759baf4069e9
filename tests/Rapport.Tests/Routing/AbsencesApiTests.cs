using System.Net;
using System.Net.Http.Json;
using Rapport.Features.People;
using Rapport.Features.Routing;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Routing;

public class AbsencesApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory, Providers]
    public async Task Record_WithBadInput_NamesTheField(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.Manual, 1);
        var userId = crew[0].Id;
        Task<HttpResponseMessage> PostAsync(object body) => crew.LeadClient.PostAsJsonAsync("/api/v1/absences", body);
        var (starts, ends) = (Now.AddDays(10), Now.AddDays(12));

        await (await PostAsync(new { kind = "holiday", startsAt = starts, endsAt = ends })).InvalidAsync("userId");
        await (await PostAsync(new { userId, startsAt = starts, endsAt = ends })).InvalidAsync("kind");
        await (await PostAsync(new { userId, kind = "gardening", startsAt = starts, endsAt = ends })).InvalidAsync("kind");
        await (await PostAsync(new { userId, kind = "holiday", endsAt = ends })).InvalidAsync("startsAt");
        await (await PostAsync(new { userId, kind = "holiday", startsAt = "next tuesday", endsAt = ends })).InvalidAsync("startsAt");
        await (await PostAsync(new { userId, kind = "holiday", startsAt = ends, endsAt = starts })).InvalidAsync("endsAt");
        await (await PostAsync(new { userId, kind = "holiday", startsAt = starts, endsAt = ends, note = new string('n', 1001) })).InvalidAsync("note");
        await (await PostAsync(new { userId = Guid.NewGuid(), kind = "holiday", startsAt = starts, endsAt = ends })).InvalidAsync("userId");

        var first = await crew.LeadClient.RecordAbsenceAsync(userId, starts, ends, note: "Ski trip");
        Assert.Equal((userId, AbsenceKind.Holiday, "Ski trip", crew.Lead.Id), (first.UserId, first.Kind, first.Note, first.RecordedById));
        await (await PostAsync(new { userId, kind = "sickness", startsAt = starts.AddDays(1), endsAt = ends.AddDays(1) })).InvalidAsync("startsAt");
        // Back to back is not an overlap: an absence ends the moment the person is back.
        await crew.LeadClient.RecordAbsenceAsync(userId, ends, ends.AddDays(1), kind: "training");
    }

    [Theory, Providers]
    public async Task LeadsRecordForTheirTeams_ManagersForAnyone_AgentsOnlyRead(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.Manual, 1);
        var (stranger, _) = await app.SignInAsync(Role.Agent);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var body = new { userId = stranger.Id, kind = "holiday", startsAt = Now.AddDays(1), endsAt = Now.AddDays(2) };

        await (await crew.LeadClient.PostAsJsonAsync("/api/v1/absences", body)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientFor(crew[0]).PostAsJsonAsync("/api/v1/absences", body with { userId = crew[0].Id })).ProblemAsync(HttpStatusCode.Forbidden);
        var recorded = await manager.RecordAbsenceAsync(stranger.Id, Now.AddDays(1), Now.AddDays(2));
        await (await crew.LeadClient.PostAsync($"/api/v1/absences/{recorded.Id}/cancel", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsync("/api/v1/absences/999999999/cancel", null)).ProblemAsync(HttpStatusCode.NotFound);

        var audit = await manager.GetAsync($"/api/v1/absences?userId={stranger.Id}");
        Assert.Equal(recorded.Id, Assert.Single((await audit.ReadAsync<Page<AbsenceDto>>()).Items).Id);
    }

    [Theory, Providers]
    public async Task List_ShowsWhatTheCallerMaySee_FilteredByPersonTeamAndState(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.Manual, 2);
        var other = await app.CrewAsync(AssignmentMethod.Manual, 1);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var current = await crew.LeadClient.RecordAbsenceAsync(crew[0].Id, Now.AddHours(-1), Now.AddDays(1), kind: "sickness");
        var upcoming = await crew.LeadClient.RecordAbsenceAsync(crew[1].Id, Now.AddDays(5), Now.AddDays(6));
        var later = await crew.LeadClient.RecordAbsenceAsync(crew[0].Id, Now.AddDays(20), Now.AddDays(30));
        var past = await crew.LeadClient.RecordAbsenceAsync(crew[1].Id, Now.AddDays(-9), Now.AddDays(-8));
        var cancelled = await crew.LeadClient.RecordAbsenceAsync(crew[1].Id, Now.AddDays(40), Now.AddDays(41));
        await crew.LeadClient.PostAsync($"/api/v1/absences/{cancelled.Id}/cancel", null);
        var elsewhere = await other.LeadClient.RecordAbsenceAsync(other[0].Id, Now.AddDays(2), Now.AddDays(3));

        async Task<List<long>> IdsAsync(HttpClient client, string query) =>
            [.. (await (await client.GetAsync($"/api/v1/absences?{query}")).ReadAsync<Page<AbsenceDto>>()).Items.Select(a => a.Id)];

        var team = $"teamId={crew.Team.Id}";
        Assert.Equal([current.Id, upcoming.Id, later.Id], await IdsAsync(crew.LeadClient, team));
        Assert.Equal([current.Id], await IdsAsync(crew.LeadClient, $"{team}&state=current"));
        Assert.Equal([upcoming.Id, later.Id], await IdsAsync(crew.LeadClient, $"{team}&state=upcoming"));
        Assert.Equal([cancelled.Id, past.Id], await IdsAsync(crew.LeadClient, $"{team}&state=past"));
        Assert.Equal([current.Id, later.Id], await IdsAsync(manager, $"userId={crew[0].Id}"));
        Assert.DoesNotContain(elsewhere.Id, await IdsAsync(crew.LeadClient, "state=upcoming&limit=100"));
        Assert.Contains(elsewhere.Id, await IdsAsync(manager, $"teamId={other.Team.Id}"));

        var agent = app.ClientFor(crew[0]);
        Assert.Equal([current.Id, later.Id], await IdsAsync(agent, ""));
        await (await agent.GetAsync($"/api/v1/absences?userId={crew[1].Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.GetAsync($"/api/v1/absences?{team}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.GetAsync("/api/v1/absences?state=someday")).InvalidAsync("state");
        await (await agent.GetAsync("/api/v1/absences?cursor=nope")).InvalidAsync("cursor");

        var firstPage = await (await crew.LeadClient.GetAsync($"/api/v1/absences?{team}&limit=2")).ReadAsync<Page<AbsenceDto>>();
        Assert.Equal([current.Id, upcoming.Id], firstPage.Items.Select(a => a.Id));
        var secondPage = await (await crew.LeadClient.GetAsync($"/api/v1/absences?{team}&limit=2&cursor={firstPage.NextCursor}")).ReadAsync<Page<AbsenceDto>>();
        Assert.Equal([later.Id], secondPage.Items.Select(a => a.Id));
        Assert.Null(secondPage.NextCursor);
    }

    [Theory, Providers]
    public async Task Cancel_IsAuditedAndIdempotent_AndRefusedOnceTheAbsenceIsOver(Db db)
    {
        var app = await fixture.For(db);
        var crew = await app.CrewAsync(AssignmentMethod.Manual, 1);
        var absence = await crew.LeadClient.RecordAbsenceAsync(crew[0].Id, Now.AddDays(3), Now.AddDays(4));
        var over = await crew.LeadClient.RecordAbsenceAsync(crew[0].Id, Now.AddDays(-4), Now.AddDays(-3));

        var cancelled = await (await crew.LeadClient.PostAsync($"/api/v1/absences/{absence.Id}/cancel", null)).ReadAsync<AbsenceDto>();
        Assert.NotNull(cancelled.CancelledAt);
        var again = await (await crew.LeadClient.PostAsync($"/api/v1/absences/{absence.Id}/cancel", null)).ReadAsync<AbsenceDto>();
        Assert.Equal(cancelled.CancelledAt, again.CancelledAt);
        await (await crew.LeadClient.PostAsync($"/api/v1/absences/{over.Id}/cancel", null)).ProblemAsync(HttpStatusCode.Conflict);

        var actions = await app.WithDbAsync(data => Task.FromResult(data.AuditEvents
            .Where(a => a.EntityType == "absence" && a.EntityId == absence.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToList()));
        Assert.Equal(["recorded", "cancelled"], actions);
    }
}
