using Rapport.Features.People;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Search;

namespace Rapport.Tests.Tickets;

/// <summary>
/// The agent's ticket page, and other pages with panels, as the server renders them, on both databases. Its side panels read the database while one
/// another still await theirs, on the one DbContext of the request: on PostgreSQL, whose I/O is truly asynchronous,
/// that failed now and then with "A second operation was started on this context instance".
/// </summary>
public class TicketPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task TheTicketPage_RendersEveryPanel_EveryTime(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.OpenTicketAsync("Boiler makes a noise", "It knocks at night.");

        for (var i = 0; i < 15; i++)
        {
            var response = await agent.GetAsync($"/agent/tickets/{ticket.Number}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"load {i}: {(int)response.StatusCode}");
            Assert.Contains("Boiler makes a noise", html);
            Assert.Contains("suggested-articles", html);
        }
    }

    [Theory, Providers]
    public async Task OtherPagesWithPanels_RenderEveryTime(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (agentUser, agent) = await app.SignInAsync(Role.Agent);
        var ticket = await agent.OpenTicketAsync("Radiator is cold", "Since Monday.");

        for (var i = 0; i < 10; i++)
        {
            var user = await admin.GetAsync($"/admin/users/{agentUser.Id}");
            Assert.True(user.IsSuccessStatusCode, $"user page, load {i}: {(int)user.StatusCode}");
            var escalation = await agent.GetAsync($"/agent/tickets/{ticket.Number}/escalation");
            Assert.True(escalation.IsSuccessStatusCode, $"escalation page, load {i}: {(int)escalation.StatusCode}");
        }
    }
}
