namespace Rapport.Bench.Datasets;

/// <summary>
/// A database ready to serve: a throwaway copy of the cached dataset, and an admin API token valid
/// in it. The server runs in the working directory (dropped with the copy); its log is kept beside the dataset.
/// </summary>
internal sealed record Dataset(
    string Name,
    string ConnectionString,
    string WorkingDirectory,
    string ServerLog,
    DatasetMarker Marker,
    bool Reused);

/// <summary>Written once a dataset is complete; its absence means "build it again".</summary>
internal sealed record DatasetMarker(
    int Tickets,
    int Customers,
    int Seed,
    string Token,
    double SeedSeconds,
    string? SeederSays,
    DateTimeOffset BuiltAt,
    string? Schema = null,
    double? ReindexSeconds = null);

internal sealed class BenchSetupException(string message) : Exception(message);

/// <summary>
/// The newest migration of a provider names the schema a dataset was built with: a dataset from
/// an older schema is built again rather than migrated on the server's first start (rebuilding a
/// million-row table would then count as start-up time).
/// </summary>
internal static class DatasetSchema
{
    public static string Current(RepoPaths paths, Provider provider)
    {
        var folder = Path.Combine(paths.ServerProject, "Data", "Migrations", provider == Provider.Sqlite ? "Sqlite" : "PostgreSql");
        return Directory.EnumerateFiles(folder, "*.cs")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name is not null && !name.EndsWith(".Designer", StringComparison.Ordinal) && !name.EndsWith("ModelSnapshot", StringComparison.Ordinal))
            .Max(StringComparer.Ordinal) ?? "";
    }
}

/// <summary>Where datasets live for one provider: built with the server's own seed-demo, reused by size and seed.</summary>
internal interface IDatasetStore
{
    Task<Dataset> PrepareAsync(CancellationToken ct);

    /// <summary>Drops the run's copy; the cached dataset stays.</summary>
    Task DropRunCopyAsync();
}
