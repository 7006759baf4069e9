using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Knowledge;

/// <summary>A step of the deflection funnel on the new-request form.</summary>
public enum DeflectionEvent { Suggested, Opened, Deflected }

public sealed record VoteRequest(bool? Helpful);

public sealed record DeflectionRequest(DeflectionEvent? Event);

/// <summary>
/// What readers tell us about articles: "was this helpful?" (one vote per voter, a second changes the first), views,
/// and the deflection funnel, each step counted once per reader and article. Only articles the reader may see count;
/// anything else is 404, as for reading.
/// </summary>
public sealed class ArticleFeedback(RapportDbContext db, TimeProvider clock)
{
    public async Task<Result<bool>> VoteAsync(long articleId, VoteRequest request, Actor actor, string? visitor, CancellationToken ct)
    {
        if (request.Helpful is not { } helpful) return ValidationError.For("helpful", "Say true (helpful) or false (not helpful).");
        if (!await db.KbArticles.VisibleTo(actor).AnyAsync(a => a.Id == articleId, ct)) return new ArticleNotFound(articleId);
        if (ReaderKey(actor, visitor) is not { } key) return ValidationError.For("helpful", "Votes need cookies: allow them and try again.");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var vote = await db.KbVotes.FirstOrDefaultAsync(v => v.ArticleId == articleId && v.VoterKey == key, ct);
                if (vote is null) db.KbVotes.Add(vote = new KbVote { ArticleId = articleId, VoterKey = key });
                (vote.Helpful, vote.At) = (helpful, clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
                return helpful;
            }
            catch (DbUpdateException) when (attempt == 1 && db.Database.CurrentTransaction is null)
            {
                // The same voter's first vote twice at once (a double click): the unique index kept one; change that one.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<Result<DeflectionEvent>> RecordAsync(long articleId, DeflectionRequest request, Actor actor, string? visitor, CancellationToken ct)
    {
        if (request.Event is not { } step) return ValidationError.For("event", "One of: suggested, opened, deflected.");
        if (!await db.KbArticles.VisibleTo(actor).AnyAsync(a => a.Id == articleId, ct)) return new ArticleNotFound(articleId);
        if (ReaderKey(actor, visitor) is not { } reader) return ValidationError.For("event", "Counting needs cookies: allow them and try again.");
        await CountAsync([articleId], step, reader, ct);
        return step;
    }

    /// <summary>Who reads, votes and deflects: "user:{id}" when signed in, else "visitor:{id}" from the cookie; null without either.</summary>
    public static string? ReaderKey(Actor actor, string? visitor) =>
        actor.UserId is { } user ? $"user:{user:N}" : visitor is { Length: > 0 and <= 64 } v ? $"visitor:{v}" : null;

    /// <summary>An agent put the article's link or text into a reply (the ticket page's knowledge panel).</summary>
    public async Task<Result<long>> CountUseAsync(long articleId, Actor actor, CancellationToken ct)
    {
        if (!await db.KbArticles.VisibleTo(actor).AnyAsync(a => a.Id == articleId, ct)) return new ArticleNotFound(articleId);
        await db.KbArticleCounters.Where(c => c.ArticleId == articleId)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.UsedInReplies, x => x.UsedInReplies + 1), ct);
        return articleId;
    }

    public Task CountViewAsync(long articleId, CancellationToken ct) =>
        db.KbArticleCounters.Where(c => c.ArticleId == articleId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Views, x => x.Views + 1), ct);

    /// <summary>
    /// Counts the step for the articles this reader had not yet taken it with: a <see cref="KbReaderStep"/> row each,
    /// inserted unless there is one (the key decides, so two requests at once insert one), then one UPDATE of the new
    /// ones' counters, in one transaction. Concurrent readers never lose a count; one reader never counts twice.
    /// </summary>
    internal Task<int> CountAsync(long[] articleIds, DeflectionEvent step, string reader, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var first = new List<long>();
        foreach (var id in articleIds.Distinct())
        {
            var inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "KbReaderSteps" ("ArticleId", "ReaderKey", "Step") VALUES ({id}, {reader}, {step.ToString()}) ON CONFLICT DO NOTHING
                """, ct);
            if (inserted == 1) first.Add(id);
        }
        if (first.Count > 0) await IncrementAsync([.. first], step, ct);
        return first.Count;
    }, ct);

    private Task<int> IncrementAsync(long[] articleIds, DeflectionEvent step, CancellationToken ct)
    {
        var counters = db.KbArticleCounters.Where(c => articleIds.Contains(c.ArticleId));
        return step switch
        {
            DeflectionEvent.Suggested => counters.ExecuteUpdateAsync(c => c.SetProperty(x => x.Suggested, x => x.Suggested + 1), ct),
            DeflectionEvent.Opened => counters.ExecuteUpdateAsync(c => c.SetProperty(x => x.Opened, x => x.Opened + 1), ct),
            _ => counters.ExecuteUpdateAsync(c => c.SetProperty(x => x.Deflected, x => x.Deflected + 1), ct),
        };
    }
}
