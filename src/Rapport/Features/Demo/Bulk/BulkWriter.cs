using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Rapport.Data;

namespace Rapport.Features.Demo.Bulk;

/// <summary>
/// Writes queued rows straight through the context's connection, inside the context's current
/// transaction, without the change tracker: prepared inserts on SQLite, binary COPY on PostgreSQL.
/// Only the demo seeder uses it; everything else writes through EF Core.
/// </summary>
internal abstract class BulkWriter(RapportDbContext db) : IDisposable
{
    protected RapportDbContext Db { get; } = db;
    protected DbConnection Connection => Db.Database.GetDbConnection();
    protected DbTransaction? Transaction => Db.Database.CurrentTransaction?.GetDbTransaction();

    public static BulkWriter For(RapportDbContext db) => db.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteBulkWriter(db),
        DatabaseProvider.PostgreSQL => new PostgresBulkWriter(db),
        _ => throw new NotSupportedException($"No bulk writer for {db.Provider}."),
    };

    /// <summary>Settles the connection in for a long run of writes; <see cref="EndAsync"/> puts it back.</summary>
    public virtual Task BeginAsync(CancellationToken ct) => Task.CompletedTask;

    public virtual Task EndAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Takes <paramref name="count"/> new keys for the table's first column from its sequence, in
    /// ascending order, so rows that refer to each other can be written in one go. Call it inside
    /// the transaction that writes the rows.
    /// </summary>
    public abstract Task<long[]> ReserveIdsAsync(BulkTable table, int count, CancellationToken ct);

    /// <summary>Writes the table's queued rows and empties the queue.</summary>
    public abstract Task WriteAsync(BulkTable table, CancellationToken ct);

    protected DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        return command;
    }

    public virtual void Dispose() { }

    protected static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
