using System.Net;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.People;

namespace Rapport.Tests.Views;

/// <summary>A view's tickets: those its conditions select, of those the caller may see, in its order, page after page.</summary>
public class ViewTicketsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task ASharedView_ListsTheTicketsItsConditionsSelect_OnlyWhereTheCallerMaySeeThem(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (member, memberClient) = await app.SignInAsync(Role.Agent);
        var (_, outsider) = await app.SignInAsync(Role.Agent);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var restricted = await admin.CreateTeamAsync(restricted: true);
        await admin.AddMemberAsync(restricted.Id, member.Id);
        var token = ViewRequests.NewToken();
        var hidden = await admin.CreateTicketAsync($"Refund {token}", "urgent", restricted.Id);
        var open = await admin.CreateTicketAsync($"Invoice {token}", "urgent");
        await admin.CreateTicketAsync($"Invoice {token}", "normal");
        await admin.CreateTicketAsync("Something else", "urgent");
        var view = await manager.CreateViewAsync(ViewRequests.View("Urgent " + token, ViewRequests.SubjectContains(token,
            new { field = "priority", @operator = "is", value = "urgent" }), scope: "shared"));

        Assert.Equal([open.Number], (await outsider.ViewTicketsAsync(view.Id)).Items.Select(t => t.Number));
        Assert.Equal(new[] { open.Number, hidden.Number }.Order(), (await memberClient.ViewTicketsAsync(view.Id)).Items.Select(t => t.Number).Order());
        Assert.Equal(new[] { open.Number, hidden.Number }.Order(), (await manager.ViewTicketsAsync(view.Id)).Items.Select(t => t.Number).Order());
        Assert.Equal(1, (await outsider.CountOfAsync(view.Id.ToString())).Count);
        Assert.Equal(2, (await memberClient.CountOfAsync(view.Id.ToString())).Count);
    }

    [Theory, Providers]
    public async Task PagingThroughAView_GivesEveryTicketOnce_InTheViewsOrder(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var token = ViewRequests.NewToken();
        var numbers = new List<long>();
        for (var i = 0; i < 7; i++) numbers.Add((await agent.CreateTicketAsync($"Page {i} {token}")).Number);
        foreach (var (field, direction) in new[] { ("created", "asc"), ("created", "desc"), ("updated", "desc"), ("updated", "asc") })
        {
            var view = await agent.CreateViewAsync(ViewRequests.View($"Pages {field} {direction}", ViewRequests.SubjectContains(token), field: field, direction: direction));
            var seen = await AllPagesAsync(agent, view.Id);
            Assert.Equal(numbers.Order(), seen.Select(t => t.Number).Order());
            var expected = (field, direction) switch
            {
                ("created", "asc") => seen.OrderBy(t => t.Number),
                ("created", _) => seen.OrderByDescending(t => t.Number),
                (_, "asc") => seen.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Number),
                _ => seen.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Number),
            };
            Assert.Equal(expected.Select(t => t.Number), seen.Select(t => t.Number));
        }
    }

    private static async Task<List<TicketDto>> AllPagesAsync(HttpClient client, long view)
    {
        var seen = new List<TicketDto>();
        string? cursor = null;
        do
        {
            var page = await client.ViewTicketsAsync(view, limit: 3, cursor);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);

        return seen;
    }

    [Theory, Providers]
    public async Task ABuiltInView_IsListedByItsKey_AndAnUnknownKeyIsNotFound(Db db)
    {
        var app = await fixture.For(db);
        var (agent, client) = await app.SignInAsync(Role.Agent);
        var ticket = await client.CreateTicketAsync("Mine " + ViewRequests.NewToken());
        await (await client.PatchJsonAsync($"/api/v1/tickets/{ticket.Number}", new { assigneeId = agent.Id })).ReadAsync<TicketDto>();

        Assert.Equal([ticket.Number], (await client.ViewTicketsAsync("my-open")).Items.Select(t => t.Number));
        await (await client.GetAsync("/api/v1/views/no-such-view/tickets")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/views/my-open/tickets?cursor=nonsense")).InvalidAsync("cursor");
    }
}
