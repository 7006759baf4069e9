using System.Text.Json;
using Npgsql;

namespace Rapport.Bench.Datasets;

/// <summary>
/// rapport_bench_N_S is the cached dataset, marked complete by a comment on the database; each run
/// works on rapport_bench_N_S_run, made from it as a template and dropped afterwards.
/// </summary>
internal sealed class PostgresDatasets(RepoPaths paths, BenchOptions options) : IDatasetStore
{
    private string Name => $"rapport_bench_{options.Tickets}_{options.Seed}";
    private string RunName => Name + "_run";

    private string ConnectionTo(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(options.Connection) { Database = database, Pooling = pooling }.ConnectionString;

    public async Task<Dataset> PrepareAsync(CancellationToken ct)
    {
        var marker = await ReadMarkerAsync(ct);
        var reused = marker is not null;
        var directory = Path.Combine(paths.DataDirectory, $"postgresql-{options.Tickets}-{options.Seed}");
        Directory.CreateDirectory(directory);
        if (marker is null)
        {
            await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", ct);
            await AdminAsync($"CREATE DATABASE \"{Name}\"", ct);
            marker = await new ServerCli(paths, Provider.PostgreSql, ConnectionTo(Name)).SeedAsync(options, directory, ct);
            // Autovacuum would have analysed a database this size within a minute of the load; do it now.
            await using (var connection = new NpgsqlConnection(ConnectionTo(Name, pooling: false)))
            {
                await connection.OpenAsync(ct);
                await using var analyse = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
                await analyse.ExecuteNonQueryAsync(ct);
            }
            var comment = JsonSerializer.Serialize(marker, Json.Options).Replace("'", "''", StringComparison.Ordinal);
            await AdminAsync($"COMMENT ON DATABASE \"{Name}\" IS '{comment}'", ct);
        }
        else Progress.Say($"Reusing the dataset in database {Name} (built {marker.BuiltAt:u}).");

        await DropRunCopyAsync();
        await AdminAsync($"CREATE DATABASE \"{RunName}\" TEMPLATE \"{Name}\"", ct);
        var runDirectory = Path.Combine(directory, "run");
        Directory.CreateDirectory(runDirectory);
        return new Dataset($"postgresql-{options.Tickets}-{options.Seed}", ConnectionTo(RunName), runDirectory,
            Path.Combine(directory, "server.log"), marker, reused);
    }

    public async Task DropRunCopyAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{RunName}\" WITH (FORCE)", CancellationToken.None);
    }

    private async Task<DatasetMarker?> ReadMarkerAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionTo("postgres", pooling: false));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", Name);
        if (await command.ExecuteScalarAsync(ct) is not string comment) return null;
        try
        {
            var marker = JsonSerializer.Deserialize<DatasetMarker>(comment, Json.Options);
            return marker?.Tickets == options.Tickets && marker.Schema == DatasetSchema.Current(paths, Provider.PostgreSql) ? marker : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task AdminAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionTo("postgres", pooling: false));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
