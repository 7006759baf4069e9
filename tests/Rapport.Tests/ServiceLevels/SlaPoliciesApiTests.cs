using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.Conditions;
using Rapport.Features.People;
using Rapport.Features.ServiceLevels.Clocks;
using Rapport.Features.ServiceLevels.Policies;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.People;
using static Rapport.Tests.ServiceLevels.OfferRequests;

namespace Rapport.Tests.ServiceLevels;

public class SlaPoliciesApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Create_ThenStaffReadIt_WithConditionsTargetsAndPromisesInWords(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var calendar = await manager.CreateCalendarAsync();
        var name = Unique("Urgent");

        var response = await manager.PostAsJsonAsync("/api/v1/sla-policies", NewPolicy($" {name} ", calendar.Id));
        var created = await response.ReadAsync<SlaPolicyDto>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/sla-policies/{created.Id}", response.Headers.Location?.ToString());
        Assert.Equal((name, "Urgent matters first.", true, calendar.Id), (created.Name, created.Description, created.IsActive, created.Calendar!.Id));
        Assert.Equal(new ConditionSet { All = [Condition.Of("priority", "at_least", "high")] }, created.Conditions);
        Assert.Equal(
            [new SlaPolicyTargetDto(SlaMetric.FirstResponse, 60, true, "within 1 working hour"), new SlaPolicyTargetDto(SlaMetric.Resolution, 1440, false, "within 1 day")],
            created.Targets);
        Assert.Equal((true, 75, false, true), (created.PauseOnHold, created.WarnAtPercent, created.EscalateOnWarning, created.EscalateOnBreach));
        Assert.Equivalent(created, await (await agent.GetAsync($"/api/v1/sla-policies/{created.Id}")).ReadAsync<SlaPolicyDto>(), strict: true);

        var everything = await manager.CreatePolicyAsync(new { name = Unique("Everything"), targets = new[] { new { metric = "resolution", minutes = 60, businessHours = true } } });
        Assert.Equal((ConditionSet.Empty, null, 80, false), (everything.Conditions, everything.Calendar, everything.WarnAtPercent, everything.PauseOnHold));
        Assert.Equal("within 1 hour", everything.Targets.Single().Promise); // business hours without a calendar are around the clock
        var list = await (await agent.GetAsync("/api/v1/sla-policies")).ReadAsync<List<SlaPolicyDto>>();
        Assert.Equal(Enumerable.Range(1, list.Count), list.Select(p => p.Position));
        Assert.True(list.FindIndex(p => p.Id == created.Id) < list.FindIndex(p => p.Id == everything.Id));
        await (await agent.GetAsync("/api/v1/sla-policies/999999999")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Create_WithInvalidInput_NamesTheField(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var existing = await manager.CreatePolicyAsync();
        Task<HttpResponseMessage> PostAsync(object body) => manager.PostAsJsonAsync("/api/v1/sla-policies", body);
        object Policy(object? conditions = null, object? targets = null, int warnAtPercent = 80, long? calendarId = null, int? position = null) => new
        {
            name = Unique("Bad"), conditions, calendarId, warnAtPercent, position,
            targets = targets ?? new[] { new { metric = "first_response", minutes = 60 } },
        };

        await (await PostAsync(Policy(conditions: new { all = new[] { new { field = "mood", @operator = "is", value = "grumpy" } } }))).InvalidAsync("conditions.all[0].field");
        await (await PostAsync(Policy(conditions: new { any = new[] { new { field = "priority", @operator = "contains", value = "high" } } }))).InvalidAsync("conditions.any[0].operator");
        await (await PostAsync(Policy(conditions: new { all = new[] { new { field = "priority", @operator = "is", value = "sky-high" } } }))).InvalidAsync("conditions.all[0].value");
        await (await PostAsync(Policy(conditions: new { all = "priority is high" }))).InvalidAsync("conditions.all");
        await (await PostAsync(Policy(targets: new[] { new { metric = "resolution", minutes = 60 }, new { metric = "resolution", minutes = 120 } }))).InvalidAsync("targets[1].metric");
        await (await PostAsync(Policy(targets: new[] { new { metric = "first_response", minutes = 0 } }))).InvalidAsync("targets[0].minutes");
        await (await PostAsync(Policy(targets: new[] { new { metric = "lunch", minutes = 60 } }))).InvalidAsync("targets[0].metric");
        await (await PostAsync(Policy(targets: new object[] { new { minutes = 60 } }))).InvalidAsync("targets[0].metric");
        await (await PostAsync(Policy(warnAtPercent: 0))).InvalidAsync("warnAtPercent");
        await (await PostAsync(Policy(warnAtPercent: 100))).InvalidAsync("warnAtPercent");
        await (await PostAsync(Policy(calendarId: 999_999_999))).InvalidAsync("calendarId");
        await (await PostAsync(Policy(position: 0))).InvalidAsync("position");
        await (await PostAsync(Policy(position: 1000))).InvalidAsync("position");
        await (await PostAsync(new { name = existing.Name.ToLowerInvariant() })).InvalidAsync("name");
        await (await PostAsync(new { name = "" })).InvalidAsync("name");
    }

    [Theory, Providers]
    public async Task Reorder_MovesAPolicy_AndTheOthersShift_AndCreateCanInsertAtAPosition(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var a = await manager.CreatePolicyAsync();
        var b = await manager.CreatePolicyAsync();
        var c = await manager.CreatePolicyAsync();

        var moved = await (await manager.PutAsJsonAsync($"/api/v1/sla-policies/{c.Id}/position", new { position = a.Position })).ReadAsync<SlaPolicyDto>();
        Assert.Equal(a.Position, moved.Position);
        Assert.Equal([c.Id, a.Id, b.Id], await OrderOfAsync(manager, a.Id, b.Id, c.Id));
        var first = await manager.CreatePolicyAsync(NewPolicy(position: 1));
        Assert.Equal(1, first.Position);
        var list = await (await manager.GetAsync("/api/v1/sla-policies")).ReadAsync<List<SlaPolicyDto>>();
        Assert.Equal(first.Id, list[0].Id);
        Assert.Equal(Enumerable.Range(1, list.Count), list.Select(p => p.Position));

        await (await manager.PutAsJsonAsync($"/api/v1/sla-policies/{a.Id}/position", new { position = 0 })).InvalidAsync("position");
        await (await manager.PutAsJsonAsync($"/api/v1/sla-policies/{a.Id}/position", new { position = list.Count + 1 })).InvalidAsync("position");
        await (await manager.PutAsJsonAsync("/api/v1/sla-policies/999999999/position", new { position = 1 })).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/sla-policies/{first.Id}")).StatusCode);
        var after = await (await manager.GetAsync("/api/v1/sla-policies")).ReadAsync<List<SlaPolicyDto>>();
        Assert.Equal(Enumerable.Range(1, after.Count), after.Select(p => p.Position));
        var audit = await manager.AuditAsync("sla-policies", c.Id);
        Assert.Equal(["created", "moved"], audit.Select(e => e.Event.Action));
        Assert.Equal(c.Position, audit[1].Changes["position"]!["before"]!.GetValue<int>());
    }

    [Theory, Providers]
    public async Task Update_AndDeactivate_AreAudited(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var policy = await manager.CreatePolicyAsync();

        var changed = await (await manager.PatchJsonAsync($"/api/v1/sla-policies/{policy.Id}", new
        {
            conditions = new { any = new[] { new { field = "tags", @operator = "includes_any", value = new[] { "vip", "press" } } } },
            targets = new[] { new { metric = "next_response", minutes = 120, businessHours = false } },
            warnAtPercent = 90,
        })).ReadAsync<SlaPolicyDto>();
        Assert.Equal([new SlaPolicyTargetDto(SlaMetric.NextResponse, 120, false, "within 2 hours")], changed.Targets);
        Assert.Equal((policy.Name, 90, true), (changed.Name, changed.WarnAtPercent, changed.PauseOnHold));
        Assert.Equal(new ConditionSet { Any = [Condition.Of("tags", "includes_any", "vip", "press")] }, changed.Conditions);
        var deactivated = await (await manager.PatchJsonAsync($"/api/v1/sla-policies/{policy.Id}", new { isActive = false })).ReadAsync<SlaPolicyDto>();
        Assert.False(deactivated.IsActive);
        await (await manager.PatchJsonAsync($"/api/v1/sla-policies/{policy.Id}", new { pauseOnHold = (bool?)null })).InvalidAsync("pauseOnHold");
        await (await manager.PatchJsonAsync($"/api/v1/sla-policies/{policy.Id}", new { conditions = new { all = new[] { new { field = "status", @operator = "is" } } } }))
            .InvalidAsync("conditions.all[0].value");
        await (await manager.PatchJsonAsync("/api/v1/sla-policies/999999999", new { name = "x" })).ProblemAsync(HttpStatusCode.NotFound);

        var audit = await manager.AuditAsync("sla-policies", policy.Id);
        Assert.Equal(["created", "updated", "deactivated"], audit.Select(e => e.Event.Action));
        Assert.Equal("first_response 60 min, business hours, resolution 1440 min", audit[1].Changes["targets"]!["before"]!.GetValue<string>());
        Assert.Equal("next_response 120 min", audit[1].Changes["targets"]!["after"]!.GetValue<string>());
        Assert.Contains("priority", audit[1].Changes["conditions"]!["before"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(75, audit[1].Changes["warnAtPercent"]!["before"]!.GetValue<int>());
        Assert.Equal(["isActive"], audit[2].Changes.Select(c => c.Key));
    }

    [Theory, Providers]
    public async Task Delete_IsRefusedWhileATicketOrClockUsesThePolicy(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var policy = await manager.CreatePolicyAsync();
        var ticket = await (await agent.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Under a policy", body = "Help", requester = new { email = RapportApp.UniqueEmail("sla"), name = "Sla" },
        })).ReadAsync<TicketDto>(HttpStatusCode.Created);
        await app.WithDbAsync(data => data.Tickets.Where(t => t.Number == ticket.Number).ExecuteUpdateAsync(t => t.SetProperty(x => x.SlaPolicyId, policy.Id)));

        var refused = await (await manager.DeleteAsync($"/api/v1/sla-policies/{policy.Id}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Deactivate it instead", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await app.WithDbAsync(async data =>
        {
            await data.Tickets.Where(t => t.Number == ticket.Number).ExecuteUpdateAsync(t => t.SetProperty(x => x.SlaPolicyId, (long?)null));
            // Another test's catch-all policy may already have started clocks on the ticket.
            await data.TicketSlaClocks.Where(c => c.TicketNumber == ticket.Number).ExecuteDeleteAsync();
            data.TicketSlaClocks.Add(new TicketSlaClock
            {
                TicketNumber = ticket.Number, Metric = SlaMetric.Resolution, PolicyId = policy.Id, TargetMinutes = 60,
                StartedAt = DateTimeOffset.UtcNow, StoppedAt = DateTimeOffset.UtcNow,
            });
            return await data.SaveChangesAsync();
        });
        await (await manager.DeleteAsync($"/api/v1/sla-policies/{policy.Id}")).ProblemAsync(HttpStatusCode.Conflict);
        await app.WithDbAsync(data => data.TicketSlaClocks.Where(c => c.TicketNumber == ticket.Number).ExecuteDeleteAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/sla-policies/{policy.Id}")).StatusCode);
        await (await manager.GetAsync($"/api/v1/sla-policies/{policy.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        var audit = await manager.AuditAsync("sla-policies", policy.Id);
        Assert.Equal(["created", "deleted"], audit.Select(e => e.Event.Action));
        Assert.Equal(policy.Name, audit[1].Changes["name"]!["before"]!.GetValue<string>());
    }

    private static async Task<List<long>> OrderOfAsync(HttpClient client, params long[] ids)
    {
        var list = await (await client.GetAsync("/api/v1/sla-policies")).ReadAsync<List<SlaPolicyDto>>();
        return [.. list.Where(p => ids.Contains(p.Id)).Select(p => p.Id)];
    }
}
