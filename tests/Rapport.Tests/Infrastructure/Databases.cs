using System.Reflection;
using Npgsql;
using Xunit.Sdk;

namespace Rapport.Tests.Infrastructure;

public enum Db { Sqlite, PostgreSql }

/// <summary>
/// Runs a theory once per database provider. PostgreSQL runs when RAPPORT_TEST_POSTGRES holds a
/// connection string to a server (./test.sh starts a throwaway cluster and sets it).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [Db.Sqlite];
        if (Databases.PostgresServer is not null) yield return [Db.PostgreSql];
    }
}

public static class Databases
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("RAPPORT_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    /// <summary>A fresh, empty database for one app instance; returns its connection string.</summary>
    public static async Task<string> CreateAsync(Db db)
    {
        var name = "rapport_t_" + Guid.NewGuid().ToString("N")[..12];
        if (db == Db.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "rapport-tests");
            Directory.CreateDirectory(directory);
            return $"Data Source={Path.Combine(directory, name + ".db")}";
        }
        var server = PostgresServer ?? throw new InvalidOperationException("RAPPORT_TEST_POSTGRES is not set.");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
