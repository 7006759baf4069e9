using System.Net;
using Rapport.Features.Escalation.Authority;
using Rapport.Features.People;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Routing;

namespace Rapport.Tests.Escalation;

/// <summary>
/// Commitments and approvals under the limits a new installation starts with: agents refund up to 50.00 and promise
/// delivery 7 days ahead, team leads refund up to 250.00, managers up to 2,500.00, admins without limit.
/// </summary>
public class ApprovalTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task ACommitmentWithinTheAgentsLimit_IsApprovedAtOnce_AndAudited(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync();

        var refund = await agent.RefundAsync(ticket.Number, 50.00m);

        Assert.Equal((CommitmentState.Approved, true, 50.00m, "EUR"), (refund.State, refund.WithinAuthority, refund.Amount, refund.Currency));
        Assert.Equal("Refund of 50.00 EUR", refund.Summary);
        Assert.Single(await agent.TicketEventsAsync(ticket.Number, "recorded"));
        var listed = await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/commitments")).ReadAsync<Page<CommitmentDto>>();
        Assert.Equal(refund.Id, Assert.Single(listed.Items).Id);
    }

    [Theory, Providers]
    public async Task AboveTheLimit_ItAwaitsApproval_ApproversAreTold_AndAManagerApproves_TellingTheRequester(Db db)
    {
        var app = await fixture.For(db);
        var (requester, agent) = await app.SignInAsync(Role.Agent);
        var (managerUser, manager) = await app.SignInAsync(Role.Manager);
        var (leadUser, lead) = await app.SignInAsync(Role.TeamLead);
        var ticket = await agent.CreateTicketAsync();

        var request = await agent.RefundAsync(ticket.Number, 900.50m, "Refund of both March charges");
        Assert.Equal((CommitmentState.Pending, false), (request.State, request.WithinAuthority));
        Assert.Single(await agent.TicketEventsAsync(ticket.Number, "approval_requested"));
        Assert.Equal("approval_requested", Assert.Single(await app.NotificationsAsync(managerUser.Id, ticket.Number)).Kind);
        Assert.Empty(await app.NotificationsAsync(leadUser.Id, ticket.Number)); // 900.50 is above a team lead's 250.00

        var mine = await (await manager.GetAsync("/api/v1/approvals?state=pending&limit=100")).ReadAsync<Page<CommitmentDto>>();
        Assert.Contains(mine.Items, c => c.Id == request.Id);
        var theirs = await (await lead.GetAsync("/api/v1/approvals?state=pending&limit=100")).ReadAsync<Page<CommitmentDto>>();
        Assert.DoesNotContain(theirs.Items, c => c.Id == request.Id);
        await (await lead.DecideAsync(request.Id, "approve", null)).ProblemAsync(HttpStatusCode.Forbidden);

        var approved = await (await manager.DecideAsync(request.Id, "approve", "Goodwill: long-standing customer")).ReadAsync<CommitmentDto>();
        Assert.Equal((CommitmentState.Approved, "Goodwill: long-standing customer"), (approved.State, approved.DecisionReason));
        var told = Assert.Single(await app.NotificationsAsync(requester.Id, ticket.Number));
        Assert.Equal("approval_decided", told.Kind);
        Assert.Contains("was approved by", told.Text, StringComparison.Ordinal);
        Assert.Single(await agent.TicketEventsAsync(ticket.Number, "approved"));
        await (await manager.DecideAsync(request.Id, "reject", "Changed my mind")).ProblemAsync(HttpStatusCode.Conflict);
        var decided = await (await manager.GetAsync("/api/v1/approvals?state=decided")).ReadAsync<Page<CommitmentDto>>();
        Assert.Equal(request.Id, decided.Items[0].Id);
    }

    [Theory, Providers]
    public async Task ARequestATeamLeadMayApprove_GoesToTheTeamsLead_NotToEveryManager(Db db)
    {
        var app = await fixture.For(db);
        var (requester, agent) = await app.SignInAsync(Role.Agent);
        var (teamLead, lead) = await app.SignInAsync(Role.TeamLead);
        var otherLead = await app.CreateUserAsync(Role.TeamLead);
        var manager = await app.CreateUserAsync(Role.Manager);
        var ticket = await agent.CreateTicketAsync(teamId: await app.TeamAsync(requester.Id, teamLead.Id));

        var request = await agent.RefundAsync(ticket.Number, 200m);

        Assert.Single(await app.NotificationsAsync(teamLead.Id, ticket.Number));
        Assert.Empty(await app.NotificationsAsync(otherLead.Id, ticket.Number));
        Assert.Empty(await app.NotificationsAsync(manager.Id, ticket.Number));
        Assert.Equal(CommitmentState.Approved, (await (await lead.DecideAsync(request.Id, "approve", null)).ReadAsync<CommitmentDto>()).State);
    }

    [Theory, Providers]
    public async Task ARejection_NeedsAReason_AndNobodyDecidesTheirOwnRequest(Db db)
    {
        var app = await fixture.For(db);
        var (requester, lead) = await app.SignInAsync(Role.TeamLead);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var ticket = await lead.CreateTicketAsync();
        var request = await lead.RefundAsync(ticket.Number, 300m);
        Assert.Equal(CommitmentState.Pending, request.State);

        await (await lead.DecideAsync(request.Id, "approve", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.DecideAsync(request.Id, "reject", " ")).InvalidAsync("reason");
        var rejected = await (await manager.DecideAsync(request.Id, "reject", "Outside the refund policy")).ReadAsync<CommitmentDto>();
        Assert.Equal(CommitmentState.Rejected, rejected.State);
        Assert.Contains("was rejected by", Assert.Single(await app.NotificationsAsync(requester.Id, ticket.Number)).Text, StringComparison.Ordinal);
        await (await manager.DecideAsync(999_999_999, "approve", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task ADeliveryPromise_IsMeasuredInDaysAhead(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var soon = await (await agent.CommitAsync(ticket.Number, new { kind = "delivery_promise", promisedDate = today.AddDays(7), description = "Replacement by courier" }))
            .ReadAsync<CommitmentDto>(HttpStatusCode.Created);
        Assert.Equal((CommitmentState.Approved, 7, null), (soon.State, soon.DaysAhead, soon.Amount));
        var later = await (await agent.CommitAsync(ticket.Number, new { kind = "delivery_promise", promisedDate = today.AddDays(20), description = "Made to order" }))
            .ReadAsync<CommitmentDto>(HttpStatusCode.Created);
        Assert.Equal(CommitmentState.Pending, later.State);
    }

    [Theory, Providers]
    public async Task CommitmentsThatSayTooLittleOrTooMuch_AreRefused_NamingTheField(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.CreateTicketAsync();

        await (await agent.CommitAsync(ticket.Number, new { amount = 5, description = "x" })).InvalidAsync("kind");
        await (await agent.CommitAsync(ticket.Number, new { kind = "refund", amount = 10.005, description = "x" })).InvalidAsync("amount");
        await (await agent.CommitAsync(ticket.Number, new { kind = "refund", description = "x" })).InvalidAsync("amount");
        await (await agent.CommitAsync(ticket.Number, new { kind = "refund", amount = 5, promisedDate = "2030-01-01", description = "x" })).InvalidAsync("promisedDate");
        await (await agent.CommitAsync(ticket.Number, new { kind = "delivery_promise", promisedDate = "2001-01-01", description = "x" })).InvalidAsync("promisedDate");
        await (await agent.CommitAsync(ticket.Number, new { kind = "refund", amount = 5 })).InvalidAsync("description");
        await (await agent.CommitAsync(ticket.Number, new { kind = "bribe", amount = 5, description = "x" })).InvalidAsync("kind");
        // Agents' compensation is 0 by default, but team leads, managers and admins cover some; goodwill above everyone's limit is refused outright.
        var overEveryone = await agent.CommitAsync(ticket.Number, new { kind = "goodwill_credit", amount = 2_000_000, description = "A yacht" });
        Assert.Equal(HttpStatusCode.Created, overEveryone.StatusCode); // admins have no limit
        await (await agent.GetAsync("/api/v1/approvals?state=later")).InvalidAsync("state");
        var listed = await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/commitments")).ReadAsync<Page<CommitmentDto>>();
        Assert.Single(listed.Items);
    }
}
