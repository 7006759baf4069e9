using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.People;
using Rapport.Features.Search;
using Rapport.Tests.Customers;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.Knowledge;
using Rapport.Tests.People;
using Rapport.Tests.Routing;

namespace Rapport.Tests.Search;

/// <summary>
/// Ticket search through the API on both engines: what it finds and in which order, the query language's fields, paging,
/// snippets, facets, access rules, and an index that follows every change in the same transaction.
/// </summary>
public class TicketSearchTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Words_FindTheSubject_TheConversation_NotesAndTags_SubjectFirst(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var word = SearchRequests.Word();
        var inBody = await agent.OpenTicketAsync("Printer trouble", $"The {word} light keeps blinking on the printer in the hall.");
        var inSubject = await agent.OpenTicketAsync($"The {word} is broken", "Please help.");
        var inNote = await agent.OpenTicketAsync("Another printer", "It is slow.");
        await agent.AddMessageAsync(inNote.Number, $"Looks like the {word} again.", "internal");
        var inTag = await agent.OpenTicketAsync("Tagged one", "Nothing in the text.", new { tags = new[] { word } });
        var other = await agent.OpenTicketAsync("Unrelated", "Nothing to see.");

        var found = await agent.FoundAsync(word);

        Assert.Equal(4, found.Count);
        Assert.Equal(inSubject.Number, found[0]);
        Assert.Equal(new[] { inBody.Number, inNote.Number, inTag.Number, inSubject.Number }.Order(), found.Order());
        Assert.DoesNotContain(other.Number, found);
        // Case and accents do not matter.
        Assert.Equal(found.Order(), (await agent.FoundAsync(word.ToUpperInvariant())).Order());
        var accented = await agent.OpenTicketAsync("Café " + word, "Crème brûlée.");
        Assert.Contains(accented.Number, await agent.FoundAsync($"cafe creme {word}"));
    }

    [Theory, Providers]
    public async Task Phrases_KeepTheirOrder_AndExcludedWordsRemoveTickets(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var word = SearchRequests.Word();
        var inOrder = await agent.OpenTicketAsync($"{word} invoice", "The late payment fee was charged twice.");
        var reversed = await agent.OpenTicketAsync($"{word} payment", "Why is there a fee? It was late.");
        var withRefund = await agent.OpenTicketAsync($"{word} refund", "Late payment, and now I want a refund.");

        Assert.Equal([inOrder.Number, withRefund.Number], (await agent.FoundAsync($"{word} \"late payment\"")).Order());
        Assert.Equal([inOrder.Number, reversed.Number, withRefund.Number], (await agent.FoundAsync($"{word} late payment")).Order());
        Assert.Equal([inOrder.Number, reversed.Number], (await agent.FoundAsync($"{word} -refund")).Order());
        Assert.Equal([reversed.Number], await agent.FoundAsync($"{word} -refund -\"late payment\""));
    }

    [Theory, Providers]
    public async Task ExclusionsAlone_AndFieldsAlone_SearchWithoutWords(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var tag = SearchRequests.Word();
        var plain = await agent.OpenTicketAsync("A question", "About the boiler.", new { tags = new[] { tag } });
        var noisy = await agent.OpenTicketAsync("Another question", "About the noisy boiler.", new { tags = new[] { tag } });

        Assert.Equal([plain.Number], await agent.FoundAsync($"tag:{tag} -noisy"));
        // Without words the newest activity comes first.
        Assert.Equal([noisy.Number, plain.Number], await agent.FoundAsync($"tag:{tag}"));
    }

    [Theory, Providers]
    public async Task EveryField_NarrowsTheSearch(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (me, agent) = await app.SignInAsync(Role.Agent);
        var team = await admin.CreateTeamAsync();
        await admin.AddMemberAsync(team.Id, me.Id);
        var word = SearchRequests.Word();
        var customer = await agent.CreateCustomerAsync(new { name = "Ann Field", emails = new[] { RapportApp.UniqueEmail("ann") } });
        var urgent = await agent.OpenTicketAsync($"{word} one", "Text", new { priority = "urgent", type = "incident", channel = "phone", direction = "inbound", assigneeId = me.Id, teamId = team.Id, tags = new[] { "vip" } });
        var low = await agent.OpenTicketAsync($"{word} two", "Text", new { priority = "low", type = "question", requesterId = customer.Id });
        await agent.PatchTicketAsync(low.Number, new { status = "pending" });

        Assert.Equal([urgent.Number], await agent.FoundAsync($"{word} priority:urgent"));
        Assert.Equal([low.Number], await agent.FoundAsync($"{word} -priority:urgent"));
        Assert.Equal([low.Number], await agent.FoundAsync($"{word} status:pending"));
        Assert.Equal([urgent.Number], await agent.FoundAsync($"{word} status:new"));
        Assert.Equal([urgent.Number], await agent.FoundAsync($"{word} type:incident"));
        Assert.Equal([urgent.Number], await agent.FoundAsync($"{word} channel:phone"));
        Assert.Equal([urgent.Number], await agent.FoundAsync($"{word} assignee:me"));
        Assert.Equal([low.Number], await agent.FoundAsync($"{word} assignee:none"));
        Assert.Equal([urgent.Number], await agent.FoundAsync($"{word} assignee:{me.Email}"));
        Assert.Equal([urgent.Number], await agent.FoundAsync($"{word} team:\"{team.Name}\""));
        Assert.Equal([low.Number], await agent.FoundAsync($"{word} requester:{customer.Emails[0]}"));
        Assert.Equal([urgent.Number], await agent.FoundAsync($"{word} tag:vip"));
        Assert.Equal([low.Number], await agent.FoundAsync($"{word} -tag:vip"));
        Assert.Equal(2, (await agent.FoundAsync($"{word} created>2000-01-01 updated>1d")).Count);
        Assert.Empty(await agent.FoundAsync($"{word} created<2000-01-01"));
        Assert.Empty(await agent.FoundAsync($"{word} team:\"no such team\""));
    }

    [Theory, Providers]
    public async Task Snippets_MarkTheWords_AndEscapeTheText(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var word = SearchRequests.Word();
        await agent.OpenTicketAsync("Markup", $"My <b>{word}</b> & the <script>alert(1)</script> tag stopped working yesterday.");

        var hit = Assert.Single((await agent.SearchAsync(word)).Tickets!);

        // SQLite keeps the typed tags as text (encoded); PostgreSQL's headline leaves them out. Neither lets one through.
        Assert.Contains($"<mark>{word}</mark>", hit.Snippet);
        Assert.Contains("&amp; the", hit.Snippet);
        Assert.DoesNotContain("<script>", hit.Snippet);
        Assert.DoesNotContain("<b>", hit.Snippet);
    }

    [Theory, Providers]
    public async Task Pages_FollowTheCursor_WithoutGapsOrRepeats_AndFacetsCountTheWholeResult(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var word = SearchRequests.Word();
        var numbers = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            // Two with the word in the subject, the rest with it in the body once or twice: ranks differ and repeat.
            var ticket = i < 2 ? await agent.OpenTicketAsync($"{word} {i}", "Body") : await agent.OpenTicketAsync($"Ticket {i}", i % 2 == 0 ? $"{word} {word}" : $"{word} here");
            numbers.Add(ticket.Number);
        }
        await agent.PatchTicketAsync(numbers[6], new { status = "pending" });

        var seen = new List<long>();
        string? cursor = null;
        SearchFacets? facets = null;
        do
        {
            var page = await agent.SearchAsync(word, $"&limit=3&facets=true{(cursor is null ? "" : "&cursor=" + cursor)}");
            facets ??= page.Facets;
            if (cursor is not null) Assert.Null(page.Facets);
            seen.AddRange(page.Tickets!.Select(h => h.Ticket.Number));
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.Equal(numbers.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(numbers.Take(2).Order(), seen.Take(2).Order());
        Assert.Equal(7, facets!.Total);
        Assert.False(facets.Limited);
        Assert.Equal(6, facets.Status["new"]);
        Assert.Equal(1, facets.Status["pending"]);
        Assert.Equal(7, facets.Channel.Values.Sum());
        Assert.Equal(7, facets.Type.Values.Sum());
    }

    [Theory, Providers]
    public async Task Customers_FindOnlyTheirOwnTickets_AndNeverInternalNotesOrTags(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (ann, annClient) = await app.SignInAsync(Role.Customer);
        var (_, bobClient) = await app.SignInAsync(Role.Customer);
        var word = SearchRequests.Word();
        var secret = SearchRequests.Word();
        var tag = SearchRequests.Word();
        var annsTicket = await agent.OpenTicketAsync($"{word} at home", "The heating is off.", new { requesterId = ann.CustomerId, tags = new[] { tag } });
        await agent.AddMessageAsync(annsTicket.Number, $"Between us: {secret} {word}.", "internal");
        await agent.OpenTicketAsync($"{word} elsewhere", "Someone else's ticket.");

        Assert.Equal([annsTicket.Number], await annClient.FoundAsync(word));
        Assert.Empty(await bobClient.FoundAsync(word));
        Assert.Empty(await annClient.FoundAsync(secret));
        Assert.Empty(await annClient.FoundAsync(tag));
        var hit = Assert.Single((await annClient.SearchAsync(word)).Tickets!);
        Assert.DoesNotContain(secret, hit.Snippet ?? "");
        Assert.Null(hit.Ticket.SlaDueAt);
        Assert.Equal([annsTicket.Number], await agent.FoundAsync(secret));
    }

    [Theory, Providers]
    public async Task Agents_DoNotFindTicketsOfRestrictedTeamsTheyAreNotIn(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (member, memberClient) = await app.SignInAsync(Role.Agent);
        var (_, outsider) = await app.SignInAsync(Role.Agent);
        var team = await admin.CreateTeamAsync(restricted: true);
        await admin.AddMemberAsync(team.Id, member.Id);
        var word = SearchRequests.Word();
        var ticket = await admin.OpenTicketAsync($"{word} payroll", "Confidential.", new { teamId = team.Id });

        Assert.Equal([ticket.Number], await memberClient.FoundAsync(word));
        Assert.Equal([ticket.Number], await admin.FoundAsync(word));
        Assert.Empty(await outsider.FoundAsync(word));
    }

    [Theory, Providers]
    public async Task TheIndex_FollowsEveryChange_InTheSameTransaction(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (before, after, reply, tag) = (SearchRequests.Word(), SearchRequests.Word(), SearchRequests.Word(), SearchRequests.Word());
        var ticket = await agent.OpenTicketAsync($"{before} subject", "Body", new { tags = new[] { tag } });
        Assert.Equal([ticket.Number], await agent.FoundAsync(tag));

        await agent.PatchTicketAsync(ticket.Number, new { subject = $"{after} subject", tags = Array.Empty<string>() });
        await agent.AddMessageAsync(ticket.Number, $"A reply about {reply}.");

        Assert.Empty(await agent.FoundAsync(before));
        Assert.Empty(await agent.FoundAsync(tag));
        Assert.Equal([ticket.Number], await agent.FoundAsync(after));
        Assert.Equal([ticket.Number], await agent.FoundAsync(reply));

        // A message rewritten in place (as erasure does) leaves nothing of the old text findable.
        await app.WithDbAsync(async data =>
        {
            var message = await data.Set<Rapport.Features.Tickets.Message>().SingleAsync(m => m.TicketNumber == ticket.Number && m.BodyText.Contains(reply));
            message.BodyText = "[erased]";
            return await data.SaveChangesAsync();
        });
        Assert.Empty(await agent.FoundAsync(reply));
        Assert.Equal([ticket.Number], await agent.FoundAsync(after));
    }

    [Theory, Providers]
    public async Task Reindex_RebuildsWhatWasLost(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var word = SearchRequests.Word();
        var ticket = await agent.OpenTicketAsync($"{word} subject", "Body");
        // The index lost (a restore of the tables without it, say): the same statement on both engines.
        await app.WithDbAsync(data => data.Database.ExecuteSqlRawAsync("DELETE FROM ticket_search"));
        Assert.Empty(await agent.FoundAsync(word));

        var report = await app.WithScopeAsync(services => services.GetRequiredService<ReindexSearch>().ExecuteAsync(null, default));

        Assert.True(report.Tickets > 0);
        Assert.Equal([ticket.Number], await agent.FoundAsync(word));
    }

    [Theory, Providers]
    public async Task AWordInMoreTicketsThanTheWindow_IsRankedAmongTheNewestMatches_AndTheFacetsSaySo(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var word = SearchRequests.Word();
        var first = await agent.OpenTicketAsync($"{word} first of many", "The oldest.");
        // More tickets than the window, written as a bulk load would (the triggers index them all the same).
        await app.WithDbAsync(async data =>
        {
            var now = DateTimeOffset.UtcNow;
            data.Tickets.AddRange(Enumerable.Range(0, SearchTickets.Window).Select(i => new Rapport.Features.Tickets.Ticket
            {
                Subject = $"Another {word} ticket {i}", RequesterId = first.Requester.Id, Channel = Rapport.Features.Tickets.Channel.Email,
                CreatedAt = now, UpdatedAt = now,
            }));
            return await data.SaveChangesAsync();
        });

        var page = await agent.SearchAsync(word, "&facets=true&limit=100");

        Assert.True(page.Facets!.Limited);
        Assert.Equal(SearchTickets.Window, page.Facets.Total);
        var seen = page.Tickets!.Select(h => h.Ticket.Number).ToList();
        for (var cursor = page.NextCursor; cursor is not null;)
        {
            var next = await agent.SearchAsync(word, $"&limit=100&cursor={cursor}");
            seen.AddRange(next.Tickets!.Select(h => h.Ticket.Number));
            cursor = next.NextCursor;
        }
        Assert.Equal(SearchTickets.Window, seen.Distinct().Count());
        // The oldest match is out of the window until the search is narrowed to reach it.
        Assert.DoesNotContain(first.Number, seen);
        Assert.Equal([first.Number], await agent.FoundAsync($"{word} oldest"));
    }

    [Theory, Providers]
    public async Task ANumberTypedAlone_PutsThatTicketFirst_WhenTheSearcherMaySeeIt(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var target = await agent.OpenTicketAsync("Boiler", "Noisy.");
        var mentioning = await agent.OpenTicketAsync("Follow-up", $"This is about ticket {target.Number} again.");

        Assert.Equal([target.Number, mentioning.Number], (await agent.FoundAsync($"#{target.Number}")).Take(2));
        Assert.Equal(target.Number, (await agent.FoundAsync($"{target.Number}"))[0]);
        Assert.DoesNotContain(target.Number, await customer.FoundAsync($"{target.Number}"));
    }

    [Theory, Providers]
    public async Task TheOneSearch_FindsArticlesToo_PublicOnesForCustomers(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var section = await app.SectionAsync();
        var word = SearchRequests.Word();
        var open = await agent.CreateArticleAsync(section, $"How to read your {word} meter", "Look at the display.");
        var staffOnly = await agent.CreateArticleAsync(section, $"Internal {word} procedure", "Swap the meter.", visibility: "internal");

        var forAgent = await agent.SearchAsync(word, "&type=article");
        var forCustomer = await customer.SearchAsync(word, "&type=article");

        Assert.Equal("article", forAgent.Type);
        Assert.Equal(new[] { open.Id, staffOnly.Id }.Order(), forAgent.Articles!.Select(a => a.Id).Order());
        Assert.Equal([open.Id], forCustomer.Articles!.Select(a => a.Id));
        await (await agent.GetAsync($"/api/v1/search?type=article&q={word}+status:open")).InvalidAsync("q");
    }

    [Theory, Providers]
    public async Task BadInput_GetsAProblemNamingTheField(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, customer) = await app.SignInAsync(Role.Customer);

        await (await agent.GetAsync("/api/v1/search?q=status:sleeping")).InvalidAsync("q");
        await (await agent.GetAsync("/api/v1/search?q=x&cursor=nonsense")).InvalidAsync("cursor");
        await (await agent.GetAsync("/api/v1/search?q=x&limit=0")).InvalidAsync("limit");
        await (await agent.GetAsync("/api/v1/search?q=x&type=invoice")).InvalidAsync("type");
        await (await app.AnonymousClient().GetAsync("/api/v1/search?q=x&type=article")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await customer.GetAsync("/api/v1/search?q=x&type=customer")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await app.AnonymousClient().GetAsync("/api/v1/search?q=x")).ProblemAsync(HttpStatusCode.Unauthorized);
        // Punctuation alone or FTS syntax is text, never an error or an operator.
        Assert.NotNull((await agent.SearchAsync("\" * NEAR( AND OR : ^ {x}")).Tickets);
    }
}
