using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Data.Sqlite;

/// <summary>
/// SQLite admits one writer at a time. Left to itself, every other writer waits inside SQLite's
/// busy handler, asleep on a blocked thread for 1–100 ms between tries and not first come, first
/// served (the benchmark saw creates stall for seconds). This gate queues this process's writers
/// in order, without holding threads, so the lock passes straight from one to the next. SQLite's
/// busy timeout stays in place for writers in other processes (a CLI command, a backup).
/// </summary>
/// <remarks>
/// Explicit transactions take it in <see cref="Transactions.BeginWriteAsync"/>; EF Core's own
/// SaveChanges transactions take it here, as an interceptor. A writer that cannot get the gate
/// within the busy timeout goes ahead without it and lets SQLite decide, as before.
/// </remarks>
internal sealed class SqliteWriteGate(TimeSpan patience) : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for the gate; the result says whether it was taken and so must be let go.</summary>
    public async ValueTask<bool> EnterAsync(CancellationToken ct) => await _gate.WaitAsync(patience, ct);

    public void Exit() => _gate.Release();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is RapportDbContext db && db.Database.CurrentTransaction is null && !db.HoldsWriteGate)
            db.HoldsWriteGate = await EnterAsync(cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is RapportDbContext db && db.Database.CurrentTransaction is null && !db.HoldsWriteGate)
            db.HoldsWriteGate = _gate.Wait(patience);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LetGo(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        LetGo(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LetGo(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => LetGo(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        LetGo(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => LetGo(eventData.Context);

    private void LetGo(DbContext? context)
    {
        // Only the gate this SaveChanges took: inside an explicit transaction the transaction owns it.
        if (context is not RapportDbContext { HoldsWriteGate: true } db || db.Database.CurrentTransaction is not null) return;
        db.HoldsWriteGate = false;
        Exit();
    }
}
