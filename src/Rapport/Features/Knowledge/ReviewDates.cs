using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Notifications;

namespace Rapport.Features.Knowledge;

/// <summary>
/// Tells each owner about their articles whose review date has passed, once per review date: the article remembers
/// the date it was announced for (<see cref="KbArticle.ReviewNoticeFor"/>), and a new review date starts a new period.
/// </summary>
public sealed class FlagOverdueReviews(RapportDbContext db, Notify notify, TimeProvider clock)
{
    public const string NoticeKind = "kb_review_due";
    private const int Batch = 200;

    /// <summary>Returns how many articles were flagged.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var flagged = 0;
        while (true)
        {
            var due = await db.KbArticles
                .Where(a => a.ReviewBy != null && a.ReviewBy < today && (a.ReviewNoticeFor == null || a.ReviewNoticeFor != a.ReviewBy))
                .OrderBy(a => a.ReviewBy).ThenBy(a => a.Id).Take(Batch).AsNoTracking().ToListAsync(ct);
            if (due.Count == 0) return flagged;
            foreach (var article in due)
            {
                // Claimed by one conditional UPDATE, so two sweepers (two app instances) never both announce it.
                var reviewBy = article.ReviewBy;
                flagged += await db.InTransactionAsync(async () =>
                {
                    var claimed = await db.KbArticles.Where(a => a.Id == article.Id && a.ReviewBy == reviewBy && (a.ReviewNoticeFor == null || a.ReviewNoticeFor != reviewBy))
                        .ExecuteUpdateAsync(a => a.SetProperty(x => x.ReviewNoticeFor, reviewBy), ct);
                    if (claimed == 0) return 0;
                    notify.People([article.OwnerId], NoticeKind,
                        $"Knowledge base: \"{article.Title}\" ({article.Language}) was due for review on {reviewBy:yyyy-MM-dd}.", null, null);
                    await db.SaveChangesAsync(ct);
                    return 1;
                }, ct);
            }
            if (due.Count < Batch) return flagged;
        }
    }
}

/// <summary>Runs <see cref="FlagOverdueReviews"/> every hour.</summary>
internal sealed class ReviewDateSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReviewDateSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FlagOverdueReviews>().ExecuteAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Flagging articles overdue for review failed; trying again in an hour");
            }
        }
    }
}
