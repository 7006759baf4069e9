using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rapport.Data.Sqlite;

/// <summary>
/// Open SQLite connections that live across requests, each with its prepared statements
/// (<see cref="StatementCache"/>) and its pragmas applied once. A request borrows one for all
/// its queries (<see cref="SqliteConnectionLease"/>); EF Core otherwise opens a fresh connection
/// for every query, re-registering its SQL functions and compiling every statement again.
/// </summary>
internal sealed class SqliteConnectionPool(string connectionString, int busyTimeoutMs, DbContextOptions<SqliteRapportDbContext> contextOptions) : IDisposable
{
    /// <summary>Idle connections kept; a burst beyond it opens more and closes them on return.</summary>
    private const int MaxIdle = 32;

    private readonly ConcurrentBag<CachingSqliteConnection> _idle = [];
    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true }.ConnectionString;
    private int _idleCount;
    private bool _disposed;

    public CachingSqliteConnection Rent()
    {
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }
        return Open();
    }

    public void Return(CachingSqliteConnection connection)
    {
        // A connection left inside a transaction (a request that died mid-write) is not reused.
        if (_disposed || !connection.IsIdle || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            if (!_disposed && connection.IsIdle) Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
            return;
        }
        _idle.Add(connection);
    }

    private CachingSqliteConnection Open()
    {
        var connection = new CachingSqliteConnection(_connectionString);
        RegisterEfFunctions(connection, contextOptions);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = SqlitePragmas.Statement(busyTimeoutMs);
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// EF Core registers the SQL functions its queries may call (ef_mod, ef_compare, …) on a
    /// connection it is given; a throwaway context given this one does exactly that. It is built from the
    /// application's own options, so it reuses EF Core's services rather than building a second set (~0.2 s).
    /// </summary>
    private static void RegisterEfFunctions(SqliteConnection connection, DbContextOptions<SqliteRapportDbContext> contextOptions)
    {
        var options = new DbContextOptionsBuilder<SqliteRapportDbContext>(contextOptions).UseSqlite(connection).Options;
        using var context = new SqliteRapportDbContext(options);
        _ = context.GetService<IRelationalConnection>().DbConnection;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection)) connection.Dispose();
    }
}

/// <summary>A SQLite connection that keeps its prepared statements while it stays open.</summary>
internal sealed class CachingSqliteConnection : SqliteConnection
{
    public CachingSqliteConnection(string connectionString) : base(connectionString) => Statements = new StatementCache(this);

    public StatementCache Statements { get; }

    /// <summary>Open and outside any transaction: safe to lend again.</summary>
    public bool IsIdle => State == System.Data.ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(Handle) != 0;

    protected override void Dispose(bool disposing)
    {
        if (disposing) Statements.Clear();
        base.Dispose(disposing);
    }
}
