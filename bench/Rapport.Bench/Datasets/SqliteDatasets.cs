using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Rapport.Bench.Datasets;

/// <summary>
/// bench/.data/sqlite-N-S/rapport.db is the cached dataset; each run works on run/rapport.db, a fresh
/// copy, so the rows a run adds never leak into the next run's figures.
/// </summary>
internal sealed class SqliteDatasets(RepoPaths paths, BenchOptions options) : IDatasetStore
{
    private string Directory => Path.Combine(paths.DataDirectory, $"sqlite-{options.Tickets}-{options.Seed}");
    private string Pristine => Path.Combine(Directory, "rapport.db");
    private string MarkerFile => Path.Combine(Directory, "dataset.json");
    private string RunDirectory => Path.Combine(Directory, "run");

    public async Task<Dataset> PrepareAsync(CancellationToken ct)
    {
        var marker = File.Exists(MarkerFile) && File.Exists(Pristine)
            ? JsonSerializer.Deserialize<DatasetMarker>(await File.ReadAllTextAsync(MarkerFile, ct), Json.Options)
            : null;
        if (marker is not null && marker.Schema != DatasetSchema.Current(paths, Provider.Sqlite))
        {
            Progress.Say($"The dataset was built with schema {marker.Schema ?? "(unknown)"}; building it again for {DatasetSchema.Current(paths, Provider.Sqlite)}.");
            marker = null;
        }
        var reused = marker is not null;
        if (marker is null)
        {
            if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
            System.IO.Directory.CreateDirectory(Directory);
            marker = await new ServerCli(paths, Provider.Sqlite, $"Data Source={Pristine}").SeedAsync(options, Directory, ct);
            await File.WriteAllTextAsync(MarkerFile, JsonSerializer.Serialize(marker, Json.Options), ct);
        }
        else Progress.Say($"Reusing the dataset in {Path.GetRelativePath(paths.Root, Directory)} (built {marker.BuiltAt:u}).");

        await DropRunCopyAsync();
        System.IO.Directory.CreateDirectory(RunDirectory);
        var copy = Path.Combine(RunDirectory, "rapport.db");
        foreach (var suffix in new[] { "", "-wal" })
            if (File.Exists(Pristine + suffix)) File.Copy(Pristine + suffix, copy + suffix);
        return new Dataset($"sqlite-{options.Tickets}-{options.Seed}", $"Data Source={copy}", RunDirectory,
            Path.Combine(Directory, "server.log"), marker, reused);
    }

    public Task DropRunCopyAsync()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(RunDirectory)) System.IO.Directory.Delete(RunDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
