using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Features.Knowledge;
using Rapport.Features.People;
using Rapport.Infrastructure.Paging;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Knowledge;

/// <summary>The knowledge base through the API: shelves, articles and their versions, who sees what, votes and deflections.</summary>
public class KnowledgeApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, Providers]
    public async Task Shelves_AreOrdered_AndOnlyEmptyOnesDeleted(Db db)
    {
        var app = await fixture.For(db);
        var (_, manager) = await app.SignInAsync(Role.Manager);
        var first = await (await manager.PostAsJsonAsync("/api/v1/kb/categories", new { name = "First", position = 1000 })).ReadAsync<CategoryDto>(HttpStatusCode.Created);
        var second = await (await manager.PostAsJsonAsync("/api/v1/kb/categories", new { name = "Second" })).ReadAsync<CategoryDto>(HttpStatusCode.Created);
        Assert.True(second.Position > first.Position);
        var section = await (await manager.PostAsJsonAsync("/api/v1/kb/sections", new { categoryId = first.Id, name = "Invoices" })).ReadAsync<SectionDto>(HttpStatusCode.Created);

        await (await manager.PostAsJsonAsync("/api/v1/kb/sections", new { categoryId = 999999999, name = "" })).InvalidAsync("categoryId");
        await (await manager.PostAsJsonAsync("/api/v1/kb/categories", new { name = " " })).InvalidAsync("name");
        await (await manager.DeleteAsync($"/api/v1/kb/categories/{first.Id}")).ProblemAsync(HttpStatusCode.Conflict);
        var moved = await (await manager.PutAsJsonAsync($"/api/v1/kb/sections/{section.Id}", new { categoryId = second.Id, name = "Invoices and receipts" })).ReadAsync<SectionDto>();
        Assert.Equal(second.Id, moved.CategoryId);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/kb/categories/{first.Id}")).StatusCode);
        var sections = await (await app.AnonymousClient().GetAsync($"/api/v1/kb/sections?categoryId={second.Id}")).ReadAsync<List<SectionDto>>();
        Assert.Equal("Invoices and receipts", Assert.Single(sections).Name);
        Assert.Equal(2, await app.WithDbAsync(d => d.AuditEvents.CountAsync(e => e.EntityType == KbAudit.Section && e.EntityId == section.Id.ToString())));
    }

    [Theory, Providers]
    public async Task CreateArticle_WithBadInput_NamesEachField(Db db)
    {
        var app = await fixture.For(db);
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var customer = await app.CreateUserAsync(Role.Customer);
        var response = await agent.PostAsJsonAsync("/api/v1/kb/articles",
            new { sectionId = 999999999, title = "", body = "", language = "not a tag!", ownerId = customer.Id });
        var problem = await response.InvalidAsync("title");
        var errors = problem["errors"]!.AsObject();
        Assert.All(new[] { "body", "sectionId", "language", "ownerId" }, field => Assert.True(errors.ContainsKey(field), field));
    }

    [Theory, Providers]
    public async Task Article_LanguageIsNormalised_AndATranslationPerLanguageOnly(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var original = await agent.CreateArticleAsync(section, "Refunds", "How refunds work.", language: "EN-gb");
        Assert.Equal("en-GB", original.Language);
        var german = await agent.CreateArticleAsync(section, "Erstattungen", "So funktionieren Erstattungen.", language: "de", translationOf: original.Id);
        Assert.Equal(original.TranslationGroup, german.TranslationGroup);
        await (await agent.PostAsJsonAsync("/api/v1/kb/articles", new { sectionId = section, title = "Again", body = "x", language = "DE", translationOf = original.Id }))
            .InvalidAsync("language");
    }

    [Theory, Providers]
    public async Task EverySaveOfTheText_IsAVersion_AndRestoringOneSavesItAgain(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, lead) = await app.SignInAsync(Role.TeamLead);
        var article = await agent.CreateArticleAsync(section, "Refunds", "First text.", status: "draft");
        Assert.Equal(1, article.CurrentVersion);

        var edited = await (await lead.PutAsJsonAsync($"/api/v1/kb/articles/{article.Id}", new { sectionId = section, title = "Refunds", body = "Second text.", language = "en", status = "draft" }))
            .ReadAsync<ArticleDto>();
        Assert.Equal(2, edited.CurrentVersion);
        var published = await (await lead.PutAsJsonAsync($"/api/v1/kb/articles/{article.Id}", new { sectionId = section, title = "Refunds", body = "Second text.", language = "en", status = "published" }))
            .ReadAsync<ArticleDto>();
        Assert.Equal(2, published.CurrentVersion); // the text did not change
        Assert.Equal(ArticleStatus.Published, published.Status);

        var versions = await (await agent.GetAsync($"/api/v1/kb/articles/{article.Id}/versions")).ReadAsync<List<VersionSummary>>();
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        var first = await (await agent.GetAsync($"/api/v1/kb/articles/{article.Id}/versions/1")).ReadAsync<VersionDto>();
        Assert.Equal("First text.", first.Body);
        Assert.Equal("<p>First text.</p>\n", first.Html);
        await (await agent.GetAsync($"/api/v1/kb/articles/{article.Id}/versions/9")).ProblemAsync(HttpStatusCode.NotFound);

        var restored = await (await agent.PostAsync($"/api/v1/kb/articles/{article.Id}/versions/1/restore", null)).ReadAsync<ArticleDto>();
        Assert.Equal(3, restored.CurrentVersion);
        Assert.Equal("First text.", restored.Body);
        var actions = await app.WithDbAsync(d => d.AuditEvents.Where(e => e.EntityType == KbAudit.Article && e.EntityId == article.Id.ToString())
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["created", "updated", "updated", "restored"], actions);
    }

    [Theory, Providers]
    public async Task CustomersAndVisitors_SeeOnlyPublishedPublicArticles_WithoutStaffFields(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var open = await agent.CreateArticleAsync(section, "Open", "For everyone.");
        var internalOne = await agent.CreateArticleAsync(section, "Internal", "Staff only.", visibility: "internal");
        var draft = await agent.CreateArticleAsync(section, "Draft", "Not yet.", status: "draft");

        foreach (var reader in new[] { customer, app.AnonymousClient() })
        {
            var seen = await reader.ArticleAsync(open.Id);
            Assert.Null(seen.Stats);
            Assert.Null(seen.OwnerId);
            await (await reader.GetAsync($"/api/v1/kb/articles/{internalOne.Id}")).ProblemAsync(HttpStatusCode.NotFound);
            await (await reader.GetAsync($"/api/v1/kb/articles/{draft.Id}")).ProblemAsync(HttpStatusCode.NotFound);
            await (await reader.PostAsJsonAsync($"/api/v1/kb/articles/{internalOne.Id}/votes", new { helpful = true })).ProblemAsync(HttpStatusCode.NotFound);
        }
        Assert.NotNull((await agent.ArticleAsync(internalOne.Id)).Stats);
    }

    [Theory, Providers]
    public async Task List_FiltersBySectionStatusAndReviewOverdue_AndPages(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        var overdue = await agent.CreateArticleAsync(section, "Old", "Check me.", reviewBy: yesterday);
        await agent.CreateArticleAsync(section, "Fresh", "Fine.", reviewBy: DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));
        await agent.CreateArticleAsync(section, "Draft", "Later.", status: "draft");
        Assert.True(overdue.ReviewOverdue);

        var late = await (await agent.GetAsync($"/api/v1/kb/articles?sectionId={section}&reviewOverdue=true")).ReadAsync<Page<ArticleSummary>>();
        Assert.Equal(overdue.Id, Assert.Single(late.Items).Id);
        var drafts = await (await agent.GetAsync($"/api/v1/kb/articles?sectionId={section}&status=draft")).ReadAsync<Page<ArticleSummary>>();
        Assert.Equal("Draft", Assert.Single(drafts.Items).Title);
        var first = await (await agent.GetAsync($"/api/v1/kb/articles?sectionId={section}&limit=2")).ReadAsync<Page<ArticleSummary>>();
        Assert.Equal(["Draft", "Fresh"], first.Items.Select(a => a.Title));
        var rest = await (await agent.GetAsync($"/api/v1/kb/articles?sectionId={section}&limit=2&cursor={first.NextCursor}")).ReadAsync<Page<ArticleSummary>>();
        Assert.Equal(["Old"], rest.Items.Select(a => a.Title));
        await (await agent.GetAsync("/api/v1/kb/articles?cursor=nonsense")).InvalidAsync("cursor");
        await (await agent.GetAsync("/api/v1/kb/articles?status=lost")).InvalidAsync("status");
        var category = (await (await agent.GetAsync($"/api/v1/kb/sections/{section}")).ReadAsync<SectionDto>()).CategoryId;
        var inCategory = await (await agent.GetAsync($"/api/v1/kb/articles?categoryId={category}")).ReadAsync<Page<ArticleSummary>>();
        Assert.Equal(["Draft", "Fresh", "Old"], inCategory.Items.Select(a => a.Title));
    }

    [Theory, Providers]
    public async Task Votes_OnePerVoter_AVoteAgainChangesIt(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var article = await agent.CreateArticleAsync(section, "Votes", "Helpful?");
        var visitor = app.AnonymousClient();
        var otherVisitor = app.AnonymousClient();

        foreach (var (client, helpful) in new[] { (customer, true), (customer, true), (visitor, true), (visitor, false), (otherVisitor, false) })
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/kb/articles/{article.Id}/votes", new { helpful })).StatusCode);
        await (await customer.PostAsJsonAsync($"/api/v1/kb/articles/{article.Id}/votes", new { })).InvalidAsync("helpful");

        var stats = (await agent.ArticleAsync(article.Id)).Stats!;
        Assert.Equal(1, stats.Helpful);
        Assert.Equal(2, stats.NotHelpful);
    }

    [Theory, Providers]
    public async Task Votes_SentTwiceAtOnce_AreOneVote(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var article = await agent.CreateArticleAsync(section, "Double click", "Helpful?");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => customer.PostAsJsonAsync($"/api/v1/kb/articles/{article.Id}/votes", new { helpful = true })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(1, (await agent.ArticleAsync(article.Id)).Stats!.Helpful);
    }

    [Theory, Providers]
    public async Task DeflectionEvents_CountOncePerReaderAndArticle(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var article = await agent.CreateArticleAsync(section, "Deflect", "Answer.");
        var other = await agent.CreateArticleAsync(section, "Deflect too", "Answer.");
        var (visitor, secondVisitor) = (app.AnonymousClient(), app.AnonymousClient());

        foreach (var (reader, step) in new[] { (customer, "suggested"), (customer, "suggested"), (customer, "opened"), (customer, "opened"),
            (customer, "deflected"), (customer, "deflected"), (visitor, "suggested"), (visitor, "suggested"), (secondVisitor, "suggested") })
            Assert.Equal(HttpStatusCode.NoContent, (await reader.PostAsJsonAsync($"/api/v1/kb/articles/{article.Id}/deflections", new { @event = step })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await customer.PostAsJsonAsync($"/api/v1/kb/articles/{other.Id}/deflections", new { @event = "suggested" })).StatusCode);
        await (await customer.PostAsJsonAsync($"/api/v1/kb/articles/{article.Id}/deflections", new { @event = "maybe" })).ProblemAsync(HttpStatusCode.BadRequest);

        var stats = (await agent.ArticleAsync(article.Id)).Stats!;
        Assert.Equal((3, 1, 1), (stats.Suggested, stats.Opened, stats.Deflected));
        Assert.Equal(1, (await agent.ArticleAsync(other.Id)).Stats!.Suggested);
        var listed = await (await agent.GetAsync($"/api/v1/kb/articles?sectionId={section}")).ReadAsync<Page<ArticleSummary>>();
        Assert.Equal(1, Assert.Single(listed.Items, a => a.Id == article.Id).Stats.Deflected);
    }

    [Theory, Providers]
    public async Task TheSameStepByTheSameReaderTwiceAtOnce_CountsOnce_AndOtherReadersAtOnceAllCount(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, customer) = await app.SignInAsync(Role.Customer);
        var article = await agent.CreateArticleAsync(section, "Double deflect", "Answer.");
        var others = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.SignInAsync(Role.Customer)));

        var readers = Enumerable.Repeat(customer, 4).Concat(others.Select(o => o.Client));
        var responses = await Task.WhenAll(readers.Select(r => r.PostAsJsonAsync($"/api/v1/kb/articles/{article.Id}/deflections", new { @event = "deflected" })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(4, (await agent.ArticleAsync(article.Id)).Stats!.Deflected);
    }

    [Theory, Providers]
    public async Task Delete_RemovesTheArticleWithItsVersions(Db db)
    {
        var app = await fixture.For(db);
        var section = await app.SectionAsync();
        var (_, agent) = await app.SignInAsync(Role.Agent);
        var (_, lead) = await app.SignInAsync(Role.TeamLead);
        var article = await agent.CreateArticleAsync(section, "Gone", "Soon.");
        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync($"/api/v1/kb/articles/{article.Id}")).StatusCode);
        await (await agent.GetAsync($"/api/v1/kb/articles/{article.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await app.WithDbAsync(d => d.KbArticleVersions.AnyAsync(v => v.ArticleId == article.Id)));
    }
}
