using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.People;
using Rapport.Features.Search;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Search.Spelling;

/// <summary>
/// "Did you mean …?" on both engines, through the API and the pages: the right correction, none for words that are right,
/// and never a word the searcher could not find.
/// </summary>
public class SpellingSuggestionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>A word of letters no other test writes, and the same with its last two letters swapped.</summary>
    private static (string Word, string Misspelt) Word()
    {
        var letters = new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());
        return ($"{letters}xy", $"{letters}yx");
    }

    [Theory, Providers]
    public async Task AMisspeltWord_SuggestsTheIndexedWord_KeepingFieldsAndOtherWords(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (inSubject, subjectTypo) = Word();
        var (inReply, replyTypo) = Word();
        var early = "parcel" + Word().Word;
        var ticket = await agent.OpenTicketAsync($"The {inSubject} parcel {early}", "Where is it?");
        await agent.AddMessageAsync(ticket.Number, $"Your {inReply} is on its way.");

        var found = await agent.SearchAsync(subjectTypo);

        Assert.Empty(found.Tickets!);
        Assert.Equal(inSubject, found.Suggestion);
        Assert.Equal($"{inSubject} parcel -status:closed", (await agent.SearchAsync($"{subjectTypo} parcel -status:closed")).Suggestion);
        Assert.Equal($"{inSubject} {inReply}", (await agent.SearchAsync($"{subjectTypo} {replyTypo}")).Suggestion);
        Assert.Equal(char.ToUpperInvariant(inReply[0]) + inReply[1..], (await agent.SearchAsync(char.ToUpperInvariant(replyTypo[0]) + replyTypo[1..])).Suggestion);
        Assert.Equal([ticket.Number], await agent.FoundAsync(found.Suggestion!));
        // A slip in the first letters too.
        Assert.Equal(early, (await agent.SearchAsync("pracel" + early[6..])).Suggestion);
        Assert.Equal(early, (await agent.SearchAsync("aprcel" + early[6..])).Suggestion);
        // A search that finds something suggests nothing.
        Assert.Null((await agent.SearchAsync(inSubject)).Suggestion);
    }

    [Theory, Providers]
    public async Task RightWordsThatFindNothing_Phrases_AndFields_GetNoSuggestion(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (one, oneTypo) = Word();
        var (other, _) = Word();
        await agent.OpenTicketAsync($"The {one} parcel", "Where is it?");
        await agent.OpenTicketAsync($"The {other} letter", "Where is it?");

        Assert.Null((await agent.SearchAsync($"{one} {other}")).Suggestion);
        Assert.Null((await agent.SearchAsync($"{one} status:closed")).Suggestion);
        // Only free words are corrected: a phrase, an exclusion or a field's value stays as typed.
        Assert.Null((await agent.SearchAsync($"\"{oneTypo} parcel\"")).Suggestion);
        Assert.Null((await agent.SearchAsync($"tag:{oneTypo}")).Suggestion);
        // Nothing near: nothing to suggest.
        var (nowhere, _) = Word();
        Assert.Null((await agent.SearchAsync(nowhere)).Suggestion);
        // The corrected search must find something too: here the field still rules it out.
        Assert.Null((await agent.SearchAsync($"{oneTypo} status:closed")).Suggestion);
    }

    [Theory, Providers]
    public async Task Customers_AreNeverOfferedWordsOfInternalNotes_OrOfOtherCustomersRequests(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (ann, annClient) = await app.SignInAsync(Role.Customer);
        var (_, bobClient) = await app.SignInAsync(Role.Customer);
        var (annsWord, annsTypo) = Word();
        var (secret, secretTypo) = Word();
        var (tag, tagTypo) = Word();
        var ticket = await agent.OpenTicketAsync($"My {annsWord} at home", "The heating is off.", new { requesterId = ann.CustomerId, tags = new[] { tag } });
        await agent.AddMessageAsync(ticket.Number, $"Between us: {secret}.", "internal");

        Assert.Equal(annsWord, (await annClient.SearchAsync(annsTypo)).Suggestion);
        Assert.Null((await bobClient.SearchAsync(annsTypo)).Suggestion);
        Assert.Null((await annClient.SearchAsync(secretTypo)).Suggestion);
        Assert.Null((await annClient.SearchAsync(tagTypo)).Suggestion);
        Assert.Equal(secret, (await agent.SearchAsync(secretTypo)).Suggestion);
        Assert.Equal(tag, (await agent.SearchAsync(tagTypo)).Suggestion);
    }

    [Theory, Providers]
    public async Task ACustomer_IsOfferedTheirOwnWord_WhenAnotherCustomersIsMoreCommon(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (ann, annClient) = await app.SignInAsync(Role.Customer);
        var (bob, bobClient) = await app.SignInAsync(Role.Customer);
        var (common, _) = Word();
        var stem = common[..^1];
        var annsWord = stem + "z";
        for (var i = 0; i < 3; i++) await agent.OpenTicketAsync($"About {common}", "Text.", new { requesterId = bob.CustomerId });
        await agent.OpenTicketAsync($"About {annsWord}", "Text.", new { requesterId = ann.CustomerId });

        Assert.Equal(annsWord, (await annClient.SearchAsync(stem + "q")).Suggestion);
        Assert.Equal(common, (await bobClient.SearchAsync(stem + "q")).Suggestion);
        Assert.Equal(common, (await agent.SearchAsync(stem + "q")).Suggestion);
        // That the word typed is in another customer's request changes nothing for Ann.
        await agent.OpenTicketAsync($"About {stem}w", "Text.", new { requesterId = bob.CustomerId });
        Assert.Equal(annsWord, (await annClient.SearchAsync(stem + "w")).Suggestion);
    }

    [Theory, Providers]
    public async Task ThePages_OfferTheCorrectedSearchAsALink(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (customer, customerClient) = await app.SignInAsync(Role.Customer);
        var (word, typo) = Word();
        await agent.OpenTicketAsync($"Lost {word}", "Where is it?", new { requesterId = customer.CustomerId });

        var agentPage = await agent.GetStringAsync($"/agent/search?q={typo}");
        var portalPage = await customerClient.GetStringAsync($"/portal/search?q={typo}");

        Assert.Contains($"Did you mean: <a href=\"/agent/search?q={word}&amp;type=ticket\">{word}</a>?", agentPage);
        Assert.Contains($"Did you mean: <a href=\"/portal/search?q={word}\">{word}</a>?", portalPage);
        Assert.DoesNotContain("Did you mean", await agent.GetStringAsync($"/agent/search?q={word}"));
    }

    [Fact]
    public async Task TheApiDocument_DescribesTheSuggestion()
    {
        var app = await fixture.For(Db.Sqlite);
        var (_, agent) = await app.SignInAsync(Role.Agent);

        var document = await agent.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"suggestion\"", document);
        Assert.Contains("When a ticket search finds nothing, suggestion is the query", document);
    }

    [Theory, Providers]
    public async Task Reindex_WritesTheWordsAgain(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (word, typo) = Word();
        await agent.OpenTicketAsync($"Lost {word}", "Where is it?");
        if (db == Db.PostgreSql)
        {
            await app.WithDbAsync(data => data.Database.ExecuteSqlRawAsync("DELETE FROM search_words"));
            Assert.Null((await agent.SearchAsync(typo)).Suggestion);
        }

        await app.WithScopeAsync(services => services.GetRequiredService<ReindexSearch>().ExecuteAsync(null, default));

        Assert.Equal(word, (await agent.SearchAsync(typo)).Suggestion);
    }
}
