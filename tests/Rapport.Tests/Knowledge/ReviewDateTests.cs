using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.Knowledge;
using Rapport.Features.People;
using Rapport.Tests.Complaints;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Knowledge;

/// <summary>Articles past their review date are flagged to their owner once per review date, on a clock the test moves.</summary>
public class ReviewDateTests(FakeClockAppFixture fixture) : IClassFixture<FakeClockAppFixture>
{
    [Theory, Providers]
    public async Task OverdueReview_NotifiesTheOwnerOnce_AndAgainForANewReviewDate(Db db)
    {
        var (app, clock) = await fixture.For(db);
        var section = await app.SectionAsync();
        var (owner, ownerClient) = await app.SignInAsync(Role.Agent);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var article = await ownerClient.CreateArticleAsync(section, "Prices", "Our prices.", reviewBy: today.AddDays(2).ToString("yyyy-MM-dd"));
        await ownerClient.CreateArticleAsync(section, "Later", "Not yet.", reviewBy: today.AddDays(60).ToString("yyyy-MM-dd"));

        await SweepAsync(app);
        Assert.Empty(await NoticesAsync(app, owner.Id));
        clock.Advance(TimeSpan.FromDays(2));
        await SweepAsync(app); // due today is not overdue yet
        Assert.Empty(await NoticesAsync(app, owner.Id));

        clock.Advance(TimeSpan.FromDays(1));
        await SweepAsync(app);
        await SweepAsync(app);
        var notice = Assert.Single(await NoticesAsync(app, owner.Id));
        Assert.Contains("\"Prices\"", notice);
        Assert.True((await ownerClient.ArticleAsync(article.Id)).ReviewOverdue);

        // Reviewed: a new date; when that passes, the owner hears again.
        var nextReview = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(7).ToString("yyyy-MM-dd");
        await ownerClient.PutAsJsonAsync($"/api/v1/kb/articles/{article.Id}", new { sectionId = section, title = "Prices", body = "Our prices.", language = "en", reviewBy = nextReview });
        Assert.False((await ownerClient.ArticleAsync(article.Id)).ReviewOverdue);
        clock.Advance(TimeSpan.FromDays(8));
        await SweepAsync(app);
        Assert.Equal(2, (await NoticesAsync(app, owner.Id)).Count);
    }

    private static Task<int> SweepAsync(RapportApp app) =>
        app.WithScopeAsync(services => services.GetRequiredService<FlagOverdueReviews>().ExecuteAsync(default));

    private static Task<List<string>> NoticesAsync(RapportApp app, Guid userId) => app.WithDbAsync(db => db.Notifications
        .Where(n => n.UserId == userId && n.Kind == FlagOverdueReviews.NoticeKind).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());
}
