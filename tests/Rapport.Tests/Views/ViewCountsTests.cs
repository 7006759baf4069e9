using System.Net.Http.Json;
using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Features.Tickets.Views;
using Rapport.Tests.Complaints;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Views;

/// <summary>The rail's counts: capped, and kept a short while per view and per who looks, on a clock the tests move.</summary>
public class ViewCountsTests(FakeClockAppFixture fixture) : IClassFixture<FakeClockAppFixture>
{
    [Theory, Providers]
    public async Task ACount_StopsAtTheCap_AndSaysSo(Db db)
    {
        var (app, clock) = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var token = ViewRequests.NewToken();
        await app.WithDbAsync(async data =>
        {
            var requester = new Customer { Name = "Many Tickets", CreatedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow() };
            data.Tickets.AddRange(Enumerable.Range(0, AgentViews.CountCap + 5).Select(i => new Ticket
            {
                Subject = $"Bulk {i} {token}", Requester = requester, Status = TicketStatus.Open, Version = 1,
                CreatedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow(),
            }));
            return await data.SaveChangesAsync();
        });
        var view = await agent.CreateViewAsync(ViewRequests.View("Bulk " + token, ViewRequests.SubjectContains(token)));

        var count = await agent.CountOfAsync(view.Id.ToString());
        Assert.Equal(new ViewCountDto(view.Id.ToString(), AgentViews.CountCap, Capped: true, Badge: "999+"), count);
    }

    [Theory, Providers]
    public async Task ACount_IsKeptForItsLifetime_ThenCountedAgain(Db db)
    {
        var (app, clock) = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var token = ViewRequests.NewToken();
        await agent.CreateTicketAsync("First " + token);
        var view = await agent.CreateViewAsync(ViewRequests.View("Kept " + token, ViewRequests.SubjectContains(token)));
        var key = view.Id.ToString();
        Assert.Equal(1, (await agent.CountOfAsync(key)).Count);

        await agent.CreateTicketAsync("Second " + token);
        clock.Advance(ViewCounts.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await agent.CountOfAsync(key)).Count);
        // Someone else's count is their own: not taken from the first agent's.
        var (_, other) = await app.SignInAsync(Role.Agent);
        var shared = await other.CreateViewAsync(ViewRequests.View("Theirs " + token, ViewRequests.SubjectContains(token)));
        Assert.Equal(2, (await other.CountOfAsync(shared.Id.ToString())).Count);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, (await agent.CountOfAsync(key)).Count);
    }

    [Theory, Providers]
    public async Task AnEditedView_IsCountedAfresh(Db db)
    {
        var (app, _) = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var token = ViewRequests.NewToken();
        await agent.CreateTicketAsync("Low " + token, "low");
        await agent.CreateTicketAsync("Urgent " + token, "urgent");
        var view = await agent.CreateViewAsync(ViewRequests.View("Edited " + token, ViewRequests.SubjectContains(token)));
        Assert.Equal(2, (await agent.CountOfAsync(view.Id.ToString())).Count);

        await (await agent.PutAsJsonAsync($"/api/v1/views/{view.Id}", ViewRequests.View("Edited " + token,
            ViewRequests.SubjectContains(token, new { field = "priority", @operator = "is", value = "urgent" })))).ReadAsync<Features.Tickets.Views.Saved.SavedViewDto>();
        Assert.Single((await agent.ViewTicketsAsync(view.Id)).Items);
        Assert.Equal(1, (await agent.CountOfAsync(view.Id.ToString())).Count);
    }
}
