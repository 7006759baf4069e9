using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Rapport.Bench.Datasets;
using Rapport.Bench.Load;
using Rapport.Bench.Raw;
using Rapport.Bench.Reporting;
using Rapport.Bench.Server;
using Rapport.Bench.Workloads;

namespace Rapport.Bench;

/// <summary>One run: build the server, prepare the dataset, start the server, run every workload, report.</summary>
internal sealed class BenchRun(BenchOptions options)
{
    private const string RawTitle = "raw ceiling (ADO.NET insert)";

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        try
        {
            return await RunAsync(ct);
        }
        catch (BenchSetupException problem)
        {
            await Console.Error.WriteLineAsync("The bench could not run: " + problem.Message);
            return 2;
        }
    }

    private async Task<int> RunAsync(CancellationToken ct)
    {
        var paths = RepoPaths.Find();
        // Workers that block (SQLite's busy wait) must not starve the rest of the harness.
        ThreadPool.SetMinThreads(Math.Max(32, options.Concurrency * 2), Math.Max(32, options.Concurrency * 2));
        await BuildServerAsync(paths, ct);
        IDatasetStore store = options.Provider == Provider.Sqlite ? new SqliteDatasets(paths, options) : new PostgresDatasets(paths, options);
        var dataset = await store.PrepareAsync(ct);
        BenchResult result;
        try
        {
            result = await MeasureAsync(paths, dataset, ct);
        }
        finally
        {
            await store.DropRunCopyAsync();
        }

        Console.Write(MarkdownReport.Write(result));
        Directory.CreateDirectory(paths.ResultsDirectory);
        var file = Path.Combine(paths.ResultsDirectory,
            $"{result.Date:yyyy-MM-dd}-{result.Provider}-{result.Tickets.ToString(CultureInfo.InvariantCulture)}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, Json.Options), ct);
        Progress.Say($"Wrote {Path.GetRelativePath(paths.Root, file)}.");

        var failed = result.Workloads.Where(w => !w.Ran || w.Errors > 0).Select(w => w.Name).ToList();
        if (failed.Count == 0) return 0;
        await Console.Error.WriteLineAsync($"Workloads with errors or no completed request: {string.Join(", ", failed)}.");
        return 1;
    }

    private async Task BuildServerAsync(RepoPaths paths, CancellationToken ct)
    {
        if (options.Build)
        {
            Progress.Say("Building the server in Release …");
            var built = await ChildProcess.RunAsync("dotnet", ["build", "-c", "Release", paths.ServerProject, "-nologo", "-v", "q"], workingDirectory: paths.Root, ct: ct);
            if (!built.Succeeded) throw new BenchSetupException("dotnet build -c Release src/Rapport failed, " + built.Describe());
        }
        if (!File.Exists(paths.ServerDll)) throw new BenchSetupException($"{paths.ServerDll} is missing: build the server in Release.");
    }

    private async Task<BenchResult> MeasureAsync(RepoPaths paths, Dataset dataset, CancellationToken ct)
    {
        await using var server = await ServerProcess.StartAsync(paths, options, dataset, ct);
        Progress.Say($"Server ready in {server.Readiness.TotalMilliseconds:N0} ms at {server.Address} (log: {Path.GetRelativePath(paths.Root, server.LogPath)}).");
        await using var sampler = new ProcessSampler(server.Id);
        var loadBefore = MachineLoad.Now();
        var begin = sampler.Now();
        var clock = Stopwatch.StartNew();

        DatasetSample sample;
        string databaseVersion;
        SearchIndexFigures searchIndex;
        await using (var connection = await BenchDatabase.OpenAsync(options.Provider, dataset.ConnectionString, ct))
        {
            sample = await DatasetSample.DrawAsync(connection, options.Seed, ct);
            await using var version = connection.CreateCommand();
            version.CommandText = options.Provider == Provider.Sqlite ? "SELECT 'SQLite ' || sqlite_version()" : "SELECT 'PostgreSQL ' || current_setting('server_version')";
            databaseVersion = (string)(await version.ExecuteScalarAsync(ct))!;
            searchIndex = new SearchIndexFigures(dataset.Marker.ReindexSeconds is { } took ? Math.Round(took, 1) : null,
                await BenchDatabase.SearchIndexMbAsync(options.Provider, connection, ct), await BenchDatabase.CountAsync(connection, "Messages", ct));
        }
        Progress.Say($"Sampled {sample.Tickets.Count} tickets ({sample.OpenTickets.Count} not closed) and {sample.Customers.Count} customers of {sample.TicketCount:N0} tickets.");

        using var client = ApiWorkloads.Client(server.Address, dataset.Marker.Token, options.Concurrency);
        var api = new ApiWorkloads(client, sample, await ApiWorkloads.TeamsAsync(client, ct), options.Seed);
        var database = options.Provider == Provider.PostgreSql ? new DatabaseCpu(dataset.ConnectionString) : null;
        var workloads = new List<WorkloadResult>();
        foreach (var (key, title) in ApiWorkloads.Titles.Where(w => options.Runs(w.Key)))
            workloads.Add(Report(await LoadRunner.RunAsync(title, api.Workers(key, options.Concurrency), options, sampler, database, dedicatedThreads: false, ct)));
        if (options.Runs("raw")) workloads.Add(Report(await RawCeilingAsync(dataset, sample, sampler, database, ct)));

        var end = sampler.Now();
        var wall = clock.Elapsed.TotalSeconds;
        var serverFigures = new ServerFigures(Math.Round(server.Readiness.TotalMilliseconds, 0), Math.Round(end.PeakRssBytes / 1048576.0, 1),
            Math.Round(end.CpuSeconds - begin.CpuSeconds, 2), Math.Round(wall, 1), Math.Round(100 * (end.CpuSeconds - begin.CpuSeconds) / wall, 0));
        var create = workloads.FirstOrDefault(w => w.Name == "create ticket" && w.Ran);
        var raw = workloads.FirstOrDefault(w => w.Name == RawTitle && w.Ran);
        double? ratio = create is not null && raw is not null ? Math.Round(create.RequestsPerSecond / raw.RequestsPerSecond, 3) : null;
        return new BenchResult(DateTimeOffset.UtcNow, Machine.Describe(databaseVersion), new MachineLoad(loadBefore, MachineLoad.Now()),
            options.Provider == Provider.Sqlite ? "sqlite" : "postgresql", options.Tickets, sample.TicketCount, options.Seed, options.Concurrency,
            options.Duration.TotalSeconds, options.Warmup.TotalSeconds, options.Quick, await Commit.ReadAsync(paths.Root),
            new DatasetFigures(dataset.Name, dataset.Reused, Math.Round(dataset.Marker.SeedSeconds, 1), dataset.Marker.SeederSays, searchIndex),
            serverFigures, workloads, ratio, Targets.Check(workloads, ratio, serverFigures));
    }

    private async Task<WorkloadResult> RawCeilingAsync(
        Dataset dataset, DatasetSample sample, ProcessSampler sampler, DatabaseCpu? database, CancellationToken ct)
    {
        var workers = new List<ILoadWorker>();
        try
        {
            for (var i = 0; i < options.Concurrency; i++)
                workers.Add(options.Provider == Provider.Sqlite
                    ? new SqliteRawInsert(dataset.ConnectionString, sample, options.Seed + i)
                    : await PostgresRawInsert.OpenAsync(dataset.ConnectionString, sample, options.Seed + i, ct));
            // SQLite's calls block while they wait for the write lock: give each writer its own thread, as a server thread would be.
            return await LoadRunner.RunAsync(RawTitle, workers, options, sampler, database, dedicatedThreads: options.Provider == Provider.Sqlite, ct);
        }
        finally
        {
            foreach (var worker in workers) await worker.DisposeAsync();
        }
    }

    private static WorkloadResult Report(WorkloadResult result)
    {
        Progress.Say($"  {result.Name,-30} {result.RequestsPerSecond,8:N0} req/s  p50 {result.P50Ms,6:0.0}  p99 {result.P99Ms,7:0.0} ms  errors {result.Errors}");
        return result;
    }
}
