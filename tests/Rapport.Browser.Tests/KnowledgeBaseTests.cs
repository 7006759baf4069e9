using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Rapport.Browser.Tests.Infrastructure;
using Rapport.Features.Knowledge;
using Rapport.Features.People;

namespace Rapport.Browser.Tests;

/// <summary>The knowledge base in a browser: deflection from the new-request form, and writing an article with its preview.</summary>
public class KnowledgeBaseTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Customer_TypingASubject_OpensASuggestedArticle_AndDoesNotNeedToSendTheRequest()
    {
        var word = "kb" + Guid.NewGuid().ToString("N")[..8];
        var (agentClient, section) = await SectionAsync();
        var article = await ReadAsync<ArticleDto>(await agentClient.PostAsJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section, title = $"Resetting your {word} router", body = "Hold the **reset** button for ten seconds.", language = "en", visibility = "public", status = "published",
        }), HttpStatusCode.Created);
        var customer = await fixture.App.CreateUserAsync(Role.Customer);
        var page = await fixture.SignedInPageAsync(customer, width: 360);

        await page.GotoAsync("/portal/requests/new");
        await page.GetByLabel("Subject").PressSequentiallyAsync($"My {word} router");
        var suggestion = page.Locator($"[data-suggested-article='{article.Id}']");
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await NothingSticksOutAsync(page);

        await suggestion.ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, $"**/portal/help/articles/{article.Id}?from=suggestion");
        await Assertions.Expect(page.Locator(".markdown strong")).ToHaveTextAsync("reset");
        await BrowserFixture.AssertAccessibleAsync(page);
        await NothingSticksOutAsync(page);
        await BrowserFixture.SubmitAsync(page, page.Locator("[data-deflect]"));
        await Assertions.Expect(page.Locator("[data-deflected]")).ToBeVisibleAsync();

        var stats = (await ReadAsync<ArticleDto>(await agentClient.GetAsync($"/api/v1/kb/articles/{article.Id}"))).Stats!;
        Assert.True(stats.Suggested >= 1);
        Assert.Equal((1, 1), (stats.Opened, stats.Deflected));
    }

    [Fact]
    public async Task Staff_WriteAnArticle_SeeingItsPreview_ThenFindItInTheList()
    {
        var (_, section) = await SectionAsync();
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var page = await fixture.SignedInPageAsync(agent);
        var title = "Changing your plan " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/agent/kb/new");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Section").SelectOptionAsync(section.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Language").FillAsync("en");
        await page.GetByLabel("Text", new() { Exact = true }).PressSequentiallyAsync("Go to **Billing**, then <b>Plan</b>.");
        await Assertions.Expect(page.Locator("[data-kb-preview] strong")).ToHaveTextAsync("Billing");
        await Assertions.Expect(page.Locator("[data-kb-preview]")).ToContainTextAsync("<b>Plan</b>");
        await BrowserFixture.AssertAccessibleAsync(page);

        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create article" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit article");
        await Assertions.Expect(page.Locator("[data-kb-preview] strong")).ToHaveTextAsync("Billing");
        await page.GotoAsync("/agent/kb");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Visitor_BrowsesSearchesAndVotes_WithoutSigningIn()
    {
        var word = "kb" + Guid.NewGuid().ToString("N")[..8];
        var (agentClient, section) = await SectionAsync();
        var article = await ReadAsync<ArticleDto>(await agentClient.PostAsJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section, title = $"Paying by {word} transfer", body = $"A {word} transfer takes a day.", language = "en", visibility = "public", status = "published",
        }), HttpStatusCode.Created);
        var page = await fixture.NewPageAsync(width: 360);

        await page.GotoAsync("/portal/help");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = article.Title })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Search the help articles").FillAsync(word);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-help-results] mark").First).ToHaveTextAsync(word);
        await BrowserFixture.AssertAccessibleAsync(page);
        await NothingSticksOutAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = article.Title }).ClickAsync();
        await BrowserFixture.ArrivedAtAsync(page, $"**/portal/help/articles/{article.Id}");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Yes" }));
        await Assertions.Expect(page.Locator("[data-help-vote] [role=status]")).ToContainTextAsync("Thank you");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Yes" }));

        var stats = (await ReadAsync<ArticleDto>(await agentClient.GetAsync($"/api/v1/kb/articles/{article.Id}"))).Stats!;
        Assert.Equal((1, 0), (stats.Helpful, stats.NotHelpful)); // one visitor, one vote
    }

    [Fact]
    public async Task Manager_ArrangesCategoriesAndSections()
    {
        var manager = await fixture.App.CreateUserAsync(Role.Manager);
        var page = await fixture.SignedInPageAsync(manager);
        var name = "Orders " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync("/agent/kb/shelves");
        await page.Locator("#kbc-name").FillAsync(name);
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add category" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await page.Locator("#kbs-categoryId").SelectOptionAsync(new SelectOptionValue { Label = name });
        await page.Locator("#kbs-name").FillAsync("Returns");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add section" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Returns" }).Last).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        // Rename the category and the section, and put the section first: the help centre shows the new names.
        var category = page.Locator("[data-kb-category]", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = name }) });
        await category.GetByText($"Change category {name}").ClickAsync();
        await category.GetByLabel("Name", new() { Exact = true }).First.FillAsync(name + " and refunds");
        await BrowserFixture.SubmitAsync(page, category.GetByRole(AriaRole.Button, new() { Name = $"Save category {name}" }));
        category = page.Locator("[data-kb-category]", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = name + " and refunds" }) });
        await Assertions.Expect(category).ToHaveCountAsync(1);
        await category.GetByText("Change section Returns").ClickAsync();
        var section = category.Locator("[data-kb-section]", new() { HasText = "Returns" });
        await section.GetByLabel("Name", new() { Exact = true }).FillAsync("Returns and exchanges");
        await BrowserFixture.SubmitAsync(page, section.GetByRole(AriaRole.Button, new() { Name = "Save section Returns" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Returns and exchanges" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Agent_InsertsASuggestedArticlesLink_IntoAReply_ThatTheCustomerSees()
    {
        var word = "kb" + Guid.NewGuid().ToString("N")[..8];
        var (agentClient, section) = await SectionAsync();
        var article = await ReadAsync<ArticleDto>(await agentClient.PostAsJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section, title = $"Pairing a {word} headset", body = "Hold **pair** for five seconds.", language = "en", visibility = "public", status = "published",
        }), HttpStatusCode.Created);
        var customer = await fixture.App.CreateUserAsync(Role.Customer);
        var ticket = await ReadAsync<Rapport.Features.Tickets.TicketDto>(await fixture.App.ClientFor(customer).PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = $"My {word} headset will not connect", body = "It worked yesterday.",
        }), HttpStatusCode.Created);
        var agent = await fixture.App.CreateUserAsync(Role.Agent);
        var page = await fixture.SignedInPageAsync(agent, width: 360);

        await page.GotoAsync($"/agent/tickets/{ticket.Number}");
        var suggested = page.Locator($"[data-suggested-article='{article.Id}']");
        await Assertions.Expect(suggested.GetByRole(AriaRole.Link, new() { Name = article.Title })).ToHaveAttributeAsync("target", "_blank");
        await BrowserFixture.AssertAccessibleAsync(page);
        await NothingSticksOutAsync(page);

        var message = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await message.FillAsync("Hello, this should help:");
        await suggested.GetByRole(AriaRole.Button, new() { Name = "Insert link" }).ClickAsync();
        var link = $"[Pairing a {word} headset](http://localhost:5000/portal/help/articles/{article.Id})";
        await Assertions.Expect(message).ToHaveValueAsync("Hello, this should help:" + link);
        await Assertions.Expect(message).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#kb-announce")).ToHaveTextAsync($"Link to “Pairing a {word} headset” inserted in the reply.");
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send" }));
        await Assertions.Expect(page.Locator(".message.public").Last.Locator($"a[href='http://localhost:5000/portal/help/articles/{article.Id}']")).ToBeVisibleAsync();
        Assert.Equal(1, (await ReadAsync<ArticleDto>(await agentClient.GetAsync($"/api/v1/kb/articles/{article.Id}"))).Stats!.UsedInReplies);

        var customerPage = await fixture.SignedInPageAsync(customer, width: 360);
        await customerPage.GotoAsync($"/portal/requests/{ticket.Number}");
        await Assertions.Expect(customerPage.Locator(".message.public").Last.GetByRole(AriaRole.Link, new() { Name = $"Pairing a {word} headset" }))
            .ToHaveAttributeAsync("href", $"http://localhost:5000/portal/help/articles/{article.Id}");
    }

    /// <summary>A manager's new category and section, and an agent's client for the API.</summary>
    private async Task<(HttpClient Agent, long Section)> SectionAsync()
    {
        var (_, manager) = await fixture.App.SignInAsync(Role.Manager);
        var category = await ReadAsync<CategoryDto>(await manager.PostAsJsonAsync("/api/v1/kb/categories", new { name = "Help " + Guid.NewGuid().ToString("N")[..6] }), HttpStatusCode.Created);
        var section = await ReadAsync<SectionDto>(await manager.PostAsJsonAsync("/api/v1/kb/sections", new { categoryId = category.Id, name = "Devices" }), HttpStatusCode.Created);
        var (_, agent) = await fixture.App.SignInAsync(Role.Agent);
        return (agent, section.Id);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(Rapport.Tests.Infrastructure.Json.Options))!;
    }

    private static async Task NothingSticksOutAsync(IPage page)
    {
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + (e.id ? '#' + e.id : ''))");
        Assert.Empty(wide);
    }
}
