using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.Access;
using Rapport.Features.Demo;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Demo;

/// <summary>
/// The class's app gets the small demo set once, the way the server seeds an empty database;
/// tests that need other data start apps of their own.
/// </summary>
public class DemoSeederTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly Dictionary<RapportApp, Task<bool>> Seeded = [];

    private async Task<RapportApp> SeededAppAsync(Db db)
    {
        var app = await fixture.For(db);
        Task<bool> seeding;
        lock (Seeded)
        {
            if (!Seeded.TryGetValue(app, out seeding!))
                Seeded[app] = seeding = app.WithScopeAsync(s => s.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(DemoSize.Small, null, default));
        }
        Assert.True(await seeding, "The first SeedIfEmptyAsync on an empty database seeds it.");
        return app;
    }

    [Theory, Providers]
    public async Task SmallSet_HasEveryStatusTypeAndChannel(Db db)
    {
        var app = await SeededAppAsync(db);
        var tickets = await app.WithDbAsync(d => d.Tickets.Select(t => new { t.Status, t.Type, t.Channel, t.Priority }).ToListAsync());

        Assert.Equal(DemoSeedRequest.Small.Tickets, tickets.Count);
        Assert.Equal(Enum.GetValues<TicketStatus>().Order(), tickets.Select(t => t.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<TicketType>().Order(), tickets.Select(t => t.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<Channel>().Order(), tickets.Select(t => t.Channel).Distinct().Order());
        Assert.Equal(Enum.GetValues<Priority>().Order(), tickets.Select(t => t.Priority).Distinct().Order());
    }

    [Theory, Providers]
    public async Task SmallSet_HasAKnowledgeBase_PublicInTwoLanguages_AndFoundBySearch(Db db)
    {
        var app = await SeededAppAsync(db);
        var languages = await app.WithDbAsync(d => d.KbArticles.Select(a => new { a.Language, a.Visibility }).ToListAsync());
        Assert.Equal(["de", "en"], languages.Select(a => a.Language).Distinct().Order());
        Assert.Contains(languages, a => a.Visibility == Features.Knowledge.ArticleVisibility.Internal);
        var found = await (await app.AnonymousClient().GetAsync("/api/v1/kb/articles/search?q=Paket&language=de"))
            .ReadAsync<Page<Features.Knowledge.Search.ArticleHit>>();
        Assert.Equal("Wann kommt mein Paket an?", Assert.Single(found.Items).Title);
    }

    [Theory, Providers]
    public async Task SmallSet_TicketsAgreeWithTheirMessages(Db db)
    {
        var app = await SeededAppAsync(db);
        var tickets = await app.WithDbAsync(d => d.Tickets.AsNoTracking().Include(t => t.Messages).Include(t => t.Tags).ToListAsync());
        var now = DateTimeOffset.UtcNow;

        foreach (var ticket in tickets)
        {
            var messages = ticket.Messages.OrderBy(m => m.Id).ToList();
            var replies = messages.Where(m => m.Visibility == MessageVisibility.Public && m.Direction == Direction.Outbound).ToList();
            Assert.InRange(ticket.CreatedAt, now.AddDays(-DemoArrivals.Days - 1), now);
            Assert.Equal(ticket.CreatedAt, messages[0].CreatedAt);
            Assert.Equal(Direction.Inbound, messages[0].Direction);
            Assert.True(messages.Zip(messages.Skip(1)).All(p => p.First.CreatedAt <= p.Second.CreatedAt), $"#{ticket.Number}: messages out of order");
            Assert.Equal(replies.FirstOrDefault()?.CreatedAt, ticket.FirstRespondedAt);
            Assert.Equal(ticket.ClosedAt ?? messages[^1].CreatedAt, ticket.UpdatedAt);
            Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m.BodyText) || string.IsNullOrWhiteSpace(m.BodyHtml)));
            Assert.NotEmpty(ticket.Tags);
            if (ticket.Status == TicketStatus.New) Assert.Empty(replies);
            else Assert.InRange(messages.Count, 3, 8);
            if (ticket.Status is TicketStatus.Solved or TicketStatus.Closed)
            {
                Assert.NotNull(ticket.AssigneeId);
                Assert.Equal(replies[^1].CreatedAt, ticket.SolvedAt);
            }
            else Assert.Null(ticket.SolvedAt);
            if (ticket.Status == TicketStatus.Closed) Assert.True(ticket.ClosedAt > ticket.SolvedAt);
            else Assert.Null(ticket.ClosedAt);
        }
    }

    [Theory, Providers]
    public async Task FastHtml_IsWhatMessageBodyMakesOfTheText(Db db)
    {
        // The small set renders through MessageBody.FromMarkdown; big sets render directly and must give the same safe HTML.
        var app = await SeededAppAsync(db);
        var messages = await app.WithDbAsync(d => d.Messages.Select(m => new { m.BodyText, m.BodyHtml }).ToListAsync());
        Assert.All(messages, m => Assert.Equal(m.BodyHtml, DemoText.Render(m.BodyText.Split("\n\n"), throughMarkdown: false).Html));
    }

    [Fact]
    public void EveryPhrase_RendersDirectlyAsMessageBodyWould()
    {
        var topics = DemoTopics.External.Values.SelectMany(t => t).Concat(DemoTopics.Colleagues).ToList();
        IEnumerable<string> phrases =
        [
            .. topics.SelectMany(t => t.Scenarios).SelectMany(s => s.Subjects.Concat([s.Opening, s.Reply, s.Resolution, s.Answer ?? ""])),
            .. topics.SelectMany(t => t.Notes ?? []),
            .. DemoPhrases.CustomerFollowUps, .. DemoPhrases.Progress, .. DemoPhrases.Asks.SelectMany(a => new[] { a.Ask, a.Answer }),
            .. DemoPhrases.Holds, .. DemoPhrases.Notes, .. DemoPhrases.HoldNotes, .. DemoPhrases.Chasers,
            .. DemoCustomerPhrases.CommunicationNeeds,
        ];
        foreach (var phrase in phrases.Where(p => p.Length > 0))
        {
            // Placeholders filled with text that needs encoding, the way a name like O'Brien & Co would.
            string[] paragraphs = ["Hello Zoë O'Brien,", DemoText.Fill(phrase, name => $"<{name}> & “x”"), "Best wishes,\nSiân\nFront line team"];
            Assert.Equal(DemoText.Render(paragraphs, throughMarkdown: true), DemoText.Render(paragraphs, throughMarkdown: false));
        }
    }

    [Theory, Providers]
    public async Task EveryDemoSignIn_Works(Db db)
    {
        var app = await SeededAppAsync(db);
        Role[] roles = [Role.Admin, Role.Manager, Role.TeamLead, Role.Agent, Role.Customer];
        foreach (var (email, role) in DemoSeeder.DemoEmails.Zip(roles))
        {
            var client = app.AnonymousClient();
            var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password = DemoSeeder.DemoPassword });
            var me = await response.ReadAsync<MeDto>();
            Assert.Equal(role, me.Role);
        }
    }

    [Theory, Providers]
    public async Task DemoCustomer_SeesOnlyTheirOwnTicketsInEveryStatus(Db db)
    {
        var app = await SeededAppAsync(db);
        var client = app.AnonymousClient();
        var me = await (await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = "customer@example.com", password = DemoSeeder.DemoPassword }))
            .ReadAsync<MeDto>();

        var page = await (await client.GetAsync("/api/v1/tickets?limit=100")).ReadAsync<Page<TicketDto>>();
        var own = await app.WithDbAsync(d => d.Tickets.CountAsync(t => t.RequesterId == me.CustomerId));
        Assert.True(own >= Enum.GetValues<TicketStatus>().Length, $"The demo customer has {own} tickets.");
        Assert.Equal(own, page.Items.Count);
        Assert.All(page.Items, t => Assert.Equal(me.CustomerId, t.Requester.Id));
        Assert.Equal(Enum.GetValues<TicketStatus>().Order(), page.Items.Select(t => t.Status).Distinct().Order());
    }

    [Theory, Providers]
    public async Task SeedIfEmpty_OnASeededDatabase_DoesNothing(Db db)
    {
        var app = await SeededAppAsync(db);
        var before = await app.WithDbAsync(d => d.Tickets.CountAsync());
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(DemoSize.Small, null, default)));
        Assert.Equal(before, await app.WithDbAsync(d => d.Tickets.CountAsync()));
    }

    [Theory, Providers]
    public async Task SameSeed_MakesTheSameData_AndSeedingAgainAddsWithoutFailing(Db db)
    {
        var request = new DemoSeedRequest(30, 60, 7);
        await using var first = await RapportApp.StartAsync(db);
        await using var second = await RapportApp.StartAsync(db);
        var progress = new List<DemoProgress>();
        await first.WithScopeAsync(async s => { await s.GetRequiredService<DemoSeeder>().SeedAsync(request, new SyncProgress(progress), default); return 0; });
        await second.WithScopeAsync(async s => { await s.GetRequiredService<DemoSeeder>().SeedAsync(request, null, default); return 0; });

        Assert.Equal(await SubjectsAsync(first), await SubjectsAsync(second));
        Assert.Equal(await CustomersAsync(first), await CustomersAsync(second));
        Assert.Contains(progress, p => p is { Stage: "Tickets", Done: 60, Total: 60 });
        Assert.Contains(progress, p => p is { Stage: "Customers", Done: 29, Total: 29 });

        // Seeding again keeps the demo users, teams and organisations and adds customers and tickets.
        await first.WithScopeAsync(async s => { await s.GetRequiredService<DemoSeeder>().SeedAsync(request with { Seed = 8 }, null, default); return 0; });
        Assert.Equal(120, await first.WithDbAsync(d => d.Tickets.CountAsync()));
        var emails = await first.WithDbAsync(d => d.Users.Select(u => u.Email!).ToListAsync());
        Assert.All(DemoSeeder.DemoEmails, e => Assert.Single(emails, e));
        Assert.NotEqual(await SubjectsAsync(second), (await SubjectsAsync(first)).Skip(60));
    }

    // Times are relative to now, so two runs differ in them; what the tickets are about does not.
    private static Task<List<string>> SubjectsAsync(RapportApp app) =>
        app.WithDbAsync(d => d.Tickets.OrderBy(t => t.Number).Select(t => t.Subject).ToListAsync());

    private static Task<List<string>> CustomersAsync(RapportApp app) =>
        app.WithDbAsync(d => d.Customers.OrderBy(c => c.Id).Select(c => c.Name + " " + c.Emails.Single(e => e.IsPrimary).Address).ToListAsync());

    private sealed class SyncProgress(List<DemoProgress> reports) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => reports.Add(value);
    }
}
