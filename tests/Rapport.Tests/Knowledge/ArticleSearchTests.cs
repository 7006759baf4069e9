using System.Net;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Knowledge;

/// <summary>
/// Full-text search over a small fixed corpus per test (every article holds the test's own token), on SQLite FTS5 and
/// PostgreSQL tsvector alike: words, phrases, exclusions, prefixes, ranking, snippets, visibility, language, paging.
/// </summary>
public class ArticleSearchTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private sealed record Corpus(string Token, string Word, string Language, long Refund, long Delivery, long Password, long Internal, long German, long Draft, long Hostile);

    private static async Task<(RapportApp App, HttpClient Staff, Corpus Corpus)> CorpusAsync(AppFixture fixture, Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, staff) = await app.SignInAsync(Role.Agent);
        var t = KnowledgeRequests.Token();
        var en = "x-" + t[2..10]; // a private-use language of this test alone
        var de = en + "-de";
        var w = "rf" + t[2..10]; // rare in the database, so bm25 ranks by it (a word in every article weighs nothing)
        var refund = await staff.CreateArticleAsync(section, $"{t} {w} policy", $"How to ask for a {w} of a card payment.", en);
        var delivery = await staff.CreateArticleAsync(section, $"{t} delivery times", $"Parcels arrive within three days. A {w} is possible when a parcel is lost.", en);
        var password = await staff.CreateArticleAsync(section, $"{t} change your password", "Open the settings and choose a new password.", en);
        var internalOne = await staff.CreateArticleAsync(section, $"{t} {w} exceptions", $"Internal: a {w} over the limit needs approval.", en, visibility: "internal");
        var german = await staff.CreateArticleAsync(section, $"{t} Erstattung", $"So beantragen Sie eine Erstattung ({w}) Ihrer Zahlung.", de, translationOf: refund.Id);
        var draft = await staff.CreateArticleAsync(section, $"{t} {w} draft", $"Not written yet: {w}.", en, status: "draft");
        var hostile = await staff.CreateArticleAsync(section, $"{t} odd", $"Some <script>alert(1)</script> text about a {w} & <b>more</b>.", en);
        return (app, staff, new Corpus(t, w, en, refund.Id, delivery.Id, password.Id, internalOne.Id, german.Id, draft.Id, hostile.Id));
    }

    private static async Task<List<long>> IdsAsync(HttpClient client, string q, string extra = "") =>
        [.. (await client.SearchAsync(q, extra)).Items.Select(h => h.Id)];

    [Theory, Providers]
    public async Task Words_FindPublishedPublicArticles_ForVisitors_AndEverythingForStaff_BestFirst(Db db)
    {
        var (app, staff, c) = await CorpusAsync(fixture, db);
        var visitor = await IdsAsync(app.AnonymousClient(), $"{c.Token} {c.Word}");
        Assert.Equal(c.Refund, visitor[0]); // in the title and the body
        Assert.Equal([c.Refund, c.Delivery, c.German, c.Hostile], visitor.Order());
        var (_, customer) = await app.SignInAsync(Role.Customer);
        Assert.Equal(visitor.Order(), (await IdsAsync(customer, $"{c.Token} {c.Word}")).Order());
        Assert.Equal([c.Refund, c.Delivery, c.Internal, c.German, c.Draft, c.Hostile], (await IdsAsync(staff, $"{c.Token} {c.Word}")).Order());
        Assert.Empty(await IdsAsync(app.AnonymousClient(), $"{c.Token} exceptions"));
    }

    [Theory, Providers]
    public async Task Phrases_MatchWordsInThatOrder(Db db)
    {
        var (app, _, c) = await CorpusAsync(fixture, db);
        var visitor = app.AnonymousClient();
        Assert.Equal([c.Refund], await IdsAsync(visitor, $"{c.Token} \"card payment\""));
        Assert.Empty(await IdsAsync(visitor, $"{c.Token} \"payment card\""));
    }

    [Theory, Providers]
    public async Task Exclusions_LeaveOutArticlesWithTheWord_AlsoOnTheirOwn(Db db)
    {
        var (app, _, c) = await CorpusAsync(fixture, db);
        var visitor = app.AnonymousClient();
        Assert.Equal([c.Refund, c.German, c.Hostile], (await IdsAsync(visitor, $"{c.Token} {c.Word} -parcel")).Order());
        Assert.Equal([c.Refund, c.German], (await IdsAsync(visitor, $"{c.Token} {c.Word} -parcel -\"about a\"")).Order());
        // Only exclusions: every article of the language without them.
        Assert.Equal([c.Password], (await IdsAsync(visitor, $"-{c.Word}", $"&language={c.Language}")).Order());
    }

    [Theory, Providers]
    public async Task Prefix_MatchesTheLastWordAsTyped_OnlyWhenAsked(Db db)
    {
        var (app, _, c) = await CorpusAsync(fixture, db);
        var visitor = app.AnonymousClient();
        Assert.Empty(await IdsAsync(visitor, $"{c.Token} passw"));
        Assert.Equal([c.Password], await IdsAsync(visitor, $"{c.Token} passw", "&prefix=true"));
        Assert.Equal([c.Refund, c.Delivery, c.Password, c.Hostile], (await IdsAsync(visitor, c.Token[..8], $"&prefix=true&language={c.Language}")).Order());
    }

    [Theory, Providers]
    public async Task AccentsAndPunctuation_AreReadAsTicketsReadThem_OnBothEngines(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, staff) = await app.SignInAsync(Role.Agent);
        var t = KnowledgeRequests.Token();
        var article = await staff.CreateArticleAsync(section, $"{t} Café opening hours", "Write to help@example.com or use the e-mail form.");
        var visitor = app.AnonymousClient();

        Assert.Equal([article.Id], await IdsAsync(visitor, $"{t} cafe"));
        Assert.Equal([article.Id], await IdsAsync(visitor, $"{t} CAFÉ"));
        Assert.Equal([article.Id], await IdsAsync(visitor, $"{t} example"));
        Assert.Equal([article.Id], await IdsAsync(visitor, $"{t} \"e mail\""));
        Assert.Equal([article.Id], await IdsAsync(visitor, $"{t} e-mai", "&prefix=true"));
        Assert.Equal([article.Id], await IdsAsync(visitor, $"{t} caf", "&prefix=true"));
    }

    [Theory, Providers]
    public async Task Language_NarrowsToThatLanguage(Db db)
    {
        var (app, _, c) = await CorpusAsync(fixture, db);
        Assert.Equal([c.German], await IdsAsync(app.AnonymousClient(), $"{c.Token} {c.Word}", $"&language={c.Language}-DE"));
        await (await app.AnonymousClient().GetAsync($"/api/v1/kb/articles/search?q=x&language=not+a+tag")).InvalidAsync("language");
    }

    [Theory, Providers]
    public async Task Snippets_AreEscapedHtml_WithTheMatchesMarked(Db db)
    {
        var (app, _, c) = await CorpusAsync(fixture, db);
        var hit = Assert.Single((await app.AnonymousClient().SearchAsync($"{c.Token} {c.Word} text")).Items);
        Assert.Equal(c.Hostile, hit.Id);
        Assert.DoesNotContain("<script", hit.Snippet);
        Assert.DoesNotContain("<b>", hit.Snippet);
        Assert.Contains("&amp;", hit.Snippet); // PostgreSQL's headline drops tags itself; SQLite's snippet keeps them, escaped
        Assert.Contains($"<mark>{c.Word}</mark>", hit.Snippet);
        Assert.Contains("<mark>text</mark>", hit.Snippet);
    }

    [Theory, Providers]
    public async Task Paging_ByCursor_GivesEveryHitOnceInRankOrder_TiesNewestFirst(Db db)
    {
        var (app, staff, c) = await CorpusAsync(fixture, db);
        var section = (await staff.ArticleAsync(c.Refund)).SectionId;
        var older = await staff.CreateArticleAsync(section, $"{c.Token} same", "Same words.", c.Language);
        var newer = await staff.CreateArticleAsync(section, $"{c.Token} same", "Same words.", c.Language);
        Assert.Equal([newer.Id, older.Id], await IdsAsync(staff, $"{c.Token} same"));

        var visitor = app.AnonymousClient();
        var all = await IdsAsync(visitor, $"{c.Token} {c.Word}");
        var paged = new List<long>();
        string? cursor = null;
        do
        {
            var page = await visitor.SearchAsync($"{c.Token} {c.Word}", $"&limit=1{(cursor is null ? "" : "&cursor=" + cursor)}");
            paged.AddRange(page.Items.Select(h => h.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null && paged.Count < 10);
        Assert.Equal(all, paged);
    }

    [Theory, Providers]
    public async Task TicketFieldsAndEmptySearches_AreRefusedNamingQ(Db db)
    {
        var app = await fixture.For(db);
        var visitor = app.AnonymousClient();
        await (await visitor.GetAsync("/api/v1/kb/articles/search?q=status:open")).InvalidAsync("q");
        await (await visitor.GetAsync("/api/v1/kb/articles/search?q=")).InvalidAsync("q");
        await (await visitor.GetAsync("/api/v1/kb/articles/search?q=x&cursor=nope")).InvalidAsync("cursor");
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/api/v1/kb/articles/search?q=%22%20OR%20*%20NOT%20(")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/api/v1/kb/articles/search?q=a%27%3A*%20%7C%20!b&prefix=true")).StatusCode);
    }

    [Theory, Providers]
    public async Task EditingAnArticle_UpdatesTheIndex_AndDeletingRemovesIt(Db db)
    {
        var (app, staff, c) = await CorpusAsync(fixture, db);
        var article = await staff.ArticleAsync(c.Password);
        var visitor = app.AnonymousClient();
        await staff.PutAsync($"/api/v1/kb/articles/{c.Password}", System.Net.Http.Json.JsonContent.Create(new
        {
            sectionId = article.SectionId, title = $"{c.Token} reset your login", body = "Choose a new passphrase.", language = c.Language, visibility = "public", status = "published",
        }));
        Assert.Empty(await IdsAsync(visitor, $"{c.Token} password"));
        Assert.Equal([c.Password], await IdsAsync(visitor, $"{c.Token} passphrase"));
        var (_, lead) = await app.SignInAsync(Role.TeamLead);
        await lead.DeleteAsync($"/api/v1/kb/articles/{c.Password}");
        Assert.Empty(await IdsAsync(staff, $"{c.Token} passphrase"));
    }
}
