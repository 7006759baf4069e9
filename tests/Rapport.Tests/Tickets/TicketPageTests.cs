using Rapport.Features.People;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Search;

namespace Rapport.Tests.Tickets;

/// <summary>
/// The agent's ticket page as the server renders it, on both databases. Its side panels read the database while one
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
}
