using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rapport.Bench.Workloads;

/// <summary>Plain ADO.NET connections to the run's database, with the per-connection settings the server uses.</summary>
internal static class BenchDatabase
{
    /// <summary>The server's SqlitePragmas: wait up to 10 s for the write lock, NORMAL sync (WAL is set on the file); EF Core turns foreign keys on.</summary>
    public const string SqlitePragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = 1;";

    public static async Task<DbConnection> OpenAsync(Provider provider, string connectionString, CancellationToken ct)
    {
        DbConnection connection = provider == Provider.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        if (provider == Provider.Sqlite)
        {
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqlitePragmas;
            await pragmas.ExecuteNonQueryAsync(ct);
        }
        return connection;
    }

    /// <summary>
    /// The search index's tables on disk, in MB: on SQLite the bytes FTS5 keeps in its shadow tables (index blocks, the
    /// text itself, document sizes; the library here has no dbstat to count pages), on PostgreSQL the tables with their
    /// GIN indexes and TOAST. Null when the engine cannot say.
    /// </summary>
    public static async Task<double?> SearchIndexMbAsync(Provider provider, DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == Provider.Sqlite
            ? string.Join(" + ", new[] { "ticket_search", "customer_search" }.SelectMany(t => new[]
            {
                $"(SELECT coalesce(sum(length(block)), 0) FROM {t}_data)",
                $"(SELECT coalesce(sum(length(c0) + length(c1) + length(c2) + length(c3)), 0) FROM {t}_content)",
                $"(SELECT coalesce(sum(length(sz)), 0) FROM {t}_docsize)",
            })).Insert(0, "SELECT ")
            : "SELECT pg_total_relation_size('ticket_search') + pg_total_relation_size('customer_search')";
        try
        {
            return await command.ExecuteScalarAsync(ct) is { } bytes and not DBNull ? Math.Round(Convert.ToDouble(bytes, System.Globalization.CultureInfo.InvariantCulture) / 1048576.0, 1) : null;
        }
        catch (DbException)
        {
            return null;
        }
    }

    public static async Task<long> CountAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
