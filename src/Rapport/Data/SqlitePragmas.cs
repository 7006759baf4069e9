using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Data;

/// <summary>
/// Per-connection SQLite settings: wait for the write lock instead of failing at once, and
/// NORMAL sync, which in WAL mode loses nothing on a process crash (only on power loss).
/// Foreign keys are switched on by EF Core itself; WAL is set once on the file at start.
/// </summary>
internal sealed class SqlitePragmas(int busyTimeoutMs) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}
