using Rapport.Features.People;
using Rapport.Tests.Routing;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Search;

/// <summary>
/// What the index keeps besides the words: each ticket's status, intersected with the words by the engine, and (on
/// PostgreSQL) markers of stretches of ticket numbers, read newest first. Tickets here get numbers far apart, so this
/// class has a database of its own.
/// </summary>
public class SearchIndexMarkerTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task TheStatusInTheIndex_FollowsEveryChangeOfStatus(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var word = SearchRequests.Word();
        var ticket = await agent.OpenTicketAsync($"{word} boiler", "It is noisy.");
        var other = await agent.OpenTicketAsync($"{word} radiator", "It is cold.");
        Assert.Equal([ticket.Number, other.Number], (await agent.FoundAsync($"{word} status:new")).Order());

        await agent.PatchTicketAsync(ticket.Number, new { status = "pending" });

        Assert.Equal([ticket.Number], await agent.FoundAsync($"{word} status:pending"));
        Assert.Equal([other.Number], await agent.FoundAsync($"{word} status:new"));
        Assert.Equal([other.Number], await agent.FoundAsync($"{word} -status:pending"));
        Assert.Equal([ticket.Number, other.Number], (await agent.FoundAsync($"{word} status:new status:pending")).Order());
        Assert.Empty(await agent.FoundAsync($"{word} status:open"));
        // A reply that reopens the ticket moves it again, in the same transaction.
        await agent.PatchTicketAsync(ticket.Number, new { status = "open" });
        Assert.Equal([ticket.Number], await agent.FoundAsync($"{word} status:open"));
        Assert.Empty(await agent.FoundAsync($"{word} status:pending"));
        // The marker is not a word anyone can type.
        Assert.Empty(await agent.FoundAsync("statusopen"));
    }

    [Theory, Providers]
    public async Task TicketsFarApartInNumber_AreAllFound_NewestStretchesFirst(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var word = SearchRequests.Word();
        var first = await agent.OpenTicketAsync($"{word} first", "The oldest.");
        // Numbers in different stretches of the PostgreSQL index, as a long-lived desk has them (written as an import would).
        long[] numbers = [first.Number + 40_000, first.Number + 90_000, first.Number + 300_000, first.Number + 1_200_000];
        await app.WithDbAsync(async data =>
        {
            var now = DateTimeOffset.UtcNow;
            data.Tickets.AddRange(numbers.Select(n => new Ticket
            {
                Number = n, Subject = $"{word} ticket {n}", RequesterId = first.Requester.Id, Channel = Channel.Email, CreatedAt = now, UpdatedAt = now,
            }));
            return await data.SaveChangesAsync();
        });

        var page = await agent.SearchAsync(word, "&facets=true");

        Assert.Equal([first.Number, .. numbers], page.Tickets!.Select(h => h.Ticket.Number).Order());
        Assert.Equal(5, page.Facets!.Total);
        Assert.False(page.Facets.Limited);
        Assert.Equal([numbers[2]], await agent.FoundAsync($"{word} {numbers[2]}"));
    }
}
