using Microsoft.EntityFrameworkCore;

namespace Rapport.Data;

/// <summary>Brings the schema up to date, and tells whether it is.</summary>
public sealed class DatabaseMigrator(RapportDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one writer commits; the setting is kept in the file.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0) return;
        logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        // A migration may rewrite a large table or index (SearchIndexByRecency reads every message): the 30 s a request
        // gets would stop it half-way at a few hundred thousand tickets.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        await db.Database.MigrateAsync(ct);
    }

    public async Task<bool> IsUpToDateAsync(CancellationToken ct) =>
        await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any();
}
