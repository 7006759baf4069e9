using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.Escalation.Authority;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Routing;

namespace Rapport.Tests.Escalation;

/// <summary>Setting the limits (its own app: the limits are the whole installation's).</summary>
public class AuthorityLimitsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task AManager_SetsAnAgentsLimits_WhichDecideTheNextCommitment_AndTheChangeIsAudited(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, agent) = await app.SignInAsync(Role.Agent);

        var set = await (await manager.PutAsJsonAsync("/api/v1/authority-limits/agent", new
        {
            limits = new object[] { new { kind = "refund", amount = 120.50 }, new { kind = "delivery_promise", days = 10 }, new { kind = "compensation", unlimited = true } },
        })).ReadAsync<AuthorityLimitsDto>();
        var agents = Assert.Single(set.Roles, r => r.Role == Role.Agent);
        Assert.Equal(["up to 120.50 EUR", "no limit", "up to 10 days ahead"], agents.Limits.Select(l => l.Text).ToList());
        Assert.Equal(120.50m, agents.Limits[0].Amount);

        var ticket = await agent.CreateTicketAsync();
        Assert.Equal(CommitmentState.Approved, (await agent.RefundAsync(ticket.Number, 120.50m)).State);
        Assert.Equal(CommitmentState.Pending, (await agent.RefundAsync(ticket.Number, 120.51m)).State);
        // No goodwill limit any more: an agent's goodwill credit needs approval.
        var goodwill = await (await agent.CommitAsync(ticket.Number, new { kind = "goodwill_credit", amount = 1, description = "Sorry" })).ReadAsync<CommitmentDto>(HttpStatusCode.Created);
        Assert.Equal(CommitmentState.Pending, goodwill.State);

        var audited = await app.WithDbAsync(d => d.AuditEvents.Where(a => a.EntityType == "authority_limits" && a.EntityId == "agent").ToListAsync());
        Assert.Contains("\"goodwill_credit\":{\"before\":\"up to 25.00 EUR\",\"after\":null}", Assert.Single(audited).Changes, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task NobodySetsTheirOwnAuthority_AndLimitsAreCheckedByField(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var (_, admin) = await app.SignInAsync(Role.Admin);

        await (await manager.PutAsJsonAsync("/api/v1/authority-limits/manager", new { limits = Array.Empty<object>() })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PutAsJsonAsync("/api/v1/authority-limits/customer", new { limits = Array.Empty<object>() })).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PutAsJsonAsync("/api/v1/authority-limits/team_lead", new { limits = new[] { new { kind = "refund", amount = 1.001 } } })).InvalidAsync("limits[0].amount");
        await (await manager.PutAsJsonAsync("/api/v1/authority-limits/team_lead", new { limits = new[] { new { kind = "delivery_promise", amount = 3 } } })).InvalidAsync("limits[0].amount");
        await (await manager.PutAsJsonAsync("/api/v1/authority-limits/team_lead", new
        {
            limits = new object[] { new { kind = "refund", amount = 1 }, new { kind = "refund", amount = 2 } },
        })).InvalidAsync("limits[1].kind");
        await (await manager.PutAsJsonAsync("/api/v1/authority-limits/team_lead", new { })).InvalidAsync("limits");

        var managers = await (await admin.PutAsJsonAsync("/api/v1/authority-limits/manager", new { limits = new[] { new { kind = "refund", amount = 5000 } } }))
            .ReadAsync<AuthorityLimitsDto>();
        Assert.Equal(5000m, Assert.Single(Assert.Single(managers.Roles, r => r.Role == Role.Manager).Limits).Amount);
    }
}
