using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Data.Sqlite;

/// <summary>
/// Per-connection SQLite settings: wait for the write lock instead of failing at once, and
/// NORMAL sync, which in WAL mode loses nothing on a process crash (only on power loss).
/// Foreign keys are switched on by EF Core itself; WAL is set once on the file at start.
/// </summary>
/// <remarks>
/// The settings belong to the native connection, which the pool hands out again and again:
/// they are applied the first time a native connection is opened, not on every open.
/// </remarks>
internal sealed class SqlitePragmas(int busyTimeoutMs) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    public static string Statement(int busyTimeoutMs) => $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = NORMAL;";

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && _applied.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Statement(busyTimeoutMs);
        command.ExecuteNonQuery();
        if (connection is SqliteConnection { Handle: { } opened }) _applied.AddOrUpdate(opened, this);
    }
}
