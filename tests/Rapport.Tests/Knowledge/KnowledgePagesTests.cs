using System.Net;
using System.Text.RegularExpressions;
using Rapport.Features.People;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Knowledge;

/// <summary>The staff pages and the help centre render, and reading from a suggestion is counted.</summary>
public class KnowledgePagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Suggestions_ShowPublicArticlesForTheSubject_CountingThemSuggested(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var word = KnowledgeRequests.Token();
        var open = await agent.CreateArticleAsync(section, $"Reset a {word} router", "Hold the button for ten seconds.");
        var hidden = await agent.CreateArticleAsync(section, $"{word} router internals", "Staff only.", visibility: "internal");
        var (_, customer) = await app.SignInAsync(Role.Customer);

        var html = await customer.GetStringAsync($"/portal/help/suggestions?Input.Subject={Uri.EscapeDataString($"my {word[..8]}")}");
        Assert.Contains($"/portal/help/articles/{open.Id}?from=suggestion", html);
        Assert.DoesNotContain($"/portal/help/articles/{hidden.Id}", html);
        Assert.Equal(1, (await agent.ArticleAsync(open.Id)).Stats!.Suggested);
        await customer.GetStringAsync($"/portal/help/suggestions?Input.Subject={Uri.EscapeDataString($"my {word}")}");
        Assert.Equal(1, (await agent.ArticleAsync(open.Id)).Stats!.Suggested); // once per reader, however often shown
        Assert.DoesNotContain("<a", await customer.GetStringAsync("/portal/help/suggestions?Input.Subject=a"));
    }

    [Theory, Providers]
    public async Task HelpArticle_CountsViews_AndOpenedFromASuggestion_AndHidesInternalOnes(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var article = await agent.CreateArticleAsync(section, "Opening hours", "We open at **nine**. <script>alert(1)</script>");
        var internalOne = await agent.CreateArticleAsync(section, "Staff notes", "Hidden.", visibility: "internal");
        var visitor = app.AnonymousClient();

        var page = await visitor.GetStringAsync($"/portal/help/articles/{article.Id}?from=suggestion");
        Assert.Contains("<strong>nine</strong>", page);
        Assert.Contains("&lt;script&gt;", page);
        Assert.Contains("data-deflect", page);
        await visitor.GetStringAsync($"/portal/help/articles/{article.Id}");
        await visitor.GetStringAsync($"/portal/help/articles/{article.Id}?from=suggestion");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/portal/help/articles/{internalOne.Id}")).StatusCode);
        var stats = (await agent.ArticleAsync(article.Id)).Stats!;
        Assert.Equal((3, 1), (stats.Views, stats.Opened)); // every view counts, opening from a suggestion once per reader
        var help = await visitor.GetStringAsync("/portal/help");
        Assert.Contains("Opening hours", help);
        Assert.DoesNotContain("Staff notes", help);
    }

    [Theory, Providers]
    public async Task HelpSearch_ShowsTwentyResults_ThenMoreResultsByCursor(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var word = KnowledgeRequests.Token();
        var written = new List<long>();
        for (var i = 0; i < 22; i++) written.Add((await agent.CreateArticleAsync(section, $"Guide {i} to {word}", "Text.")).Id);
        await agent.CreateArticleAsync(section, $"Hidden {word}", "Staff only.", visibility: "internal");
        var visitor = app.AnonymousClient();

        var first = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/portal/help?q={word}"));
        var more = Regex.Match(first, "href=\"([^\"]+)\" data-help-more").Groups[1].Value;
        Assert.StartsWith($"/portal/help?q={word}&cursor=", more);
        var second = WebUtility.HtmlDecode(await visitor.GetStringAsync(more));
        Assert.Contains("More results for", second);
        Assert.DoesNotContain("data-help-more", second);
        var (page1, page2) = (ArticleLinks(first), ArticleLinks(second));
        Assert.Equal((20, 2), (page1.Count, page2.Count));
        Assert.Equal(written.Order(), page1.Concat(page2).Order());
    }

    private static List<long> ArticleLinks(string html) =>
        [.. Regex.Matches(html, "href=\"/portal/help/articles/(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Theory, Providers]
    public async Task StaffPages_Render(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var article = await manager.CreateArticleAsync(section, "Rendered", "Some *text*.", reviewBy: "2020-01-01");
        var list = await manager.GetStringAsync($"/agent/kb?section={section}&overdue=true");
        Assert.Contains("Rendered", list);
        Assert.Contains("Review overdue", list);
        Assert.Contains("<em>text</em>", await manager.GetStringAsync($"/agent/kb/{article.Id}/edit"));
        Assert.Contains("Version 1: Rendered", await manager.GetStringAsync($"/agent/kb/{article.Id}/versions/1"));
        Assert.Contains("Add a section", await manager.GetStringAsync("/agent/kb/shelves"));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/agent/kb/new")).StatusCode);
    }
}
