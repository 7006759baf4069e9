using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Demo;
using Rapport.Features.Search.Spelling;

namespace Rapport.Features.Search;

/// <summary>How long the rebuild took, for the command's last line and the benchmark.</summary>
public sealed record ReindexReport(long Tickets, long Customers, TimeSpan Took);

/// <summary>
/// Rebuilds the search index from the tickets and customers, a range of ids per transaction so the server keeps working
/// meanwhile: after a restore, a bulk load, or a change to how text is indexed. The triggers keep it current otherwise.
/// The word list of "Did you mean" is written afresh with the tickets (<see cref="ISpellingIndex"/>).
/// </summary>
public sealed class ReindexSearch(RapportDbContext db, ISearchEngine engine, ISpellingIndex words)
{
    /// <summary>Ids per transaction: big enough to be quick, small enough that no writer waits long.</summary>
    public const int BatchSize = 5_000;

    public async Task<ReindexReport> ExecuteAsync(IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await words.ClearAsync(ct);
        var tickets = await RebuildAsync(SearchIndexPart.Tickets, "Tickets", db.Tickets.Select(t => (long?)t.Number), progress, ct);
        var customers = await RebuildAsync(SearchIndexPart.Customers, "Customers", db.Customers.Select(c => (long?)c.Id), progress, ct);
        return new ReindexReport(tickets, customers, watch.Elapsed);
    }

    private async Task<long> RebuildAsync(SearchIndexPart part, string stage, IQueryable<long?> ids, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var first = await ids.MinAsync(ct) ?? 0;
        var last = await ids.MaxAsync(ct) ?? -1;
        var total = await ids.LongCountAsync(ct);
        long done = 0;
        for (var from = first; from <= last; from += BatchSize)
        {
            var to = from + BatchSize;
            await using (var transaction = await db.BeginWriteAsync(ct))
            {
                await engine.RebuildAsync(part, from, to, ct);
                if (part == SearchIndexPart.Tickets) await words.AddWordsAsync(from, to, ct);
                await transaction.CommitAsync(ct);
            }
            done = Math.Min(total, done + await ids.LongCountAsync(i => i >= from && i < to, ct));
            progress?.Report(new DemoProgress(stage, done, total));
        }
        progress?.Report(new DemoProgress(stage, total, total));
        return total;
    }
}
