using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.Tickets.Attachments;

/// <summary>
/// Removes uploads nobody attached within a day, and their files unless an attachment or
/// another upload still holds the same bytes (files are shared by content hash). A file
/// written within the day is kept too: a new upload of the same bytes rewrites it, and may
/// not be visible as a row yet.
/// </summary>
public sealed class DeleteStaleUploads(RapportDbContext db, AttachmentStore store, TimeProvider clock, ILogger<DeleteStaleUploads> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);
    private const int Batch = 500;

    /// <summary>Returns how many uploads were removed.</summary>
    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - MaxAge;
        var removed = 0;
        while (true)
        {
            var stale = await db.Uploads.Where(u => u.CreatedAt < cutoff).OrderBy(u => u.Id).Take(Batch).ToListAsync(ct);
            if (stale.Count == 0) return removed;
            db.Uploads.RemoveRange(stale);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            removed += stale.Count;

            foreach (var key in stale.Select(u => u.StorageKey).Distinct())
            {
                if (await db.Attachments.AnyAsync(a => a.StorageKey == key, ct) || await db.Uploads.AnyAsync(u => u.StorageKey == key, ct)) continue;
                store.DeleteIfUnchangedSince(key, cutoff);
            }
            logger.LogInformation("Removed {Count} uploads older than {Cutoff}", stale.Count, cutoff);
            if (stale.Count < Batch) return removed;
        }
    }
}

/// <summary>Runs <see cref="DeleteStaleUploads"/> every hour.</summary>
internal sealed class StaleUploadSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<StaleUploadSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeleteStaleUploads>().ExecuteAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Removing stale uploads failed; trying again in an hour");
            }
        }
    }
}
