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
    DateTimeOffset BuiltAt);

internal sealed class BenchSetupException(string message) : Exception(message);

/// <summary>Where datasets live for one provider: built with the server's own seed-demo, reused by size and seed.</summary>
internal interface IDatasetStore
{
    Task<Dataset> PrepareAsync(CancellationToken ct);

    /// <summary>Drops the run's copy; the cached dataset stays.</summary>
    Task DropRunCopyAsync();
}
