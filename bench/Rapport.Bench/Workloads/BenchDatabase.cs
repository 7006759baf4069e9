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
}
