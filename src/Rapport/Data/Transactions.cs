using Microsoft.EntityFrameworkCore.Storage;

using Rapport.Data.Sqlite;

namespace Rapport.Data;

public static class Transactions
{
    /// <summary>
    /// Runs work that needs several SaveChanges as one all-or-nothing write. Joins the caller's
    /// transaction when there is one (an idempotent request wraps the whole handler in one).
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this RapportDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        await using var transaction = await db.BeginWriteAsync(ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Begins a transaction that will write. On SQLite it first queues for the writer gate
    /// (<see cref="SqliteWriteGate"/>), which it holds until the transaction is disposed.
    /// </summary>
    public static async Task<WriteTransaction> BeginWriteAsync(this RapportDbContext db, CancellationToken ct)
    {
        var gate = db.WriteGate;
        var entered = gate is not null && !db.HoldsWriteGate && await gate.EnterAsync(ct);
        if (entered) db.HoldsWriteGate = true;
        try
        {
            return new WriteTransaction(db, await db.Database.BeginTransactionAsync(ct), entered ? gate : null);
        }
        catch
        {
            if (entered) Release(db, gate!);
            throw;
        }
    }

    internal static void Release(RapportDbContext db, SqliteWriteGate gate)
    {
        db.HoldsWriteGate = false;
        gate.Exit();
    }
}

/// <summary>A database transaction that lets go of the SQLite writer gate when it ends.</summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly RapportDbContext db;
    private readonly IDbContextTransaction transaction;
    private readonly SqliteWriteGate? gate;

    internal WriteTransaction(RapportDbContext db, IDbContextTransaction transaction, SqliteWriteGate? gate)
    {
        this.db = db;
        this.transaction = transaction;
        this.gate = gate;
    }

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public Task RollbackAsync(CancellationToken ct) => transaction.RollbackAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            if (gate is not null) Transactions.Release(db, gate);
        }
    }
}
