using System.Globalization;

namespace Rapport.Bench.Datasets;

/// <summary>The real server executable's subcommands (seed-demo, search reindex, tokens create) against one database.</summary>
internal sealed class ServerCli(RepoPaths paths, Provider provider, string connectionString)
{
    public IReadOnlyDictionary<string, string> Environment(bool logSql = false)
    {
        var environment = new Dictionary<string, string>
        {
            ["Rapport__Database__Provider"] = provider == Provider.Sqlite ? "Sqlite" : "PostgreSQL",
            ["ConnectionStrings__Rapport"] = connectionString,
            ["Rapport__Demo__SeedOnStart"] = "false",
            ["Rapport__RateLimits__Enabled"] = "false",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        if (logSql) environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        return environment;
    }

    /// <summary>Seeds the demo set of the options' size and makes an admin token; the result becomes the dataset's marker.</summary>
    public async Task<DatasetMarker> SeedAsync(BenchOptions options, string workingDirectory, CancellationToken ct)
    {
        Progress.Say($"Seeding {options.Tickets:N0} tickets and {options.Customers:N0} customers with the server's seed-demo …");
        var seeded = await RunAsync(workingDirectory, ct, "seed-demo",
            "--customers", Text(options.Customers), "--tickets", Text(options.Tickets), "--seed", Text(options.Seed));
        if (!seeded.Succeeded) throw new BenchSetupException("seed-demo failed, " + seeded.Describe());
        var says = seeded.Output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("Demo data seeded", StringComparison.Ordinal));
        Progress.Say($"Seeded in {seeded.Took.TotalSeconds:0.0} s ({options.Tickets / seeded.Took.TotalSeconds:N0} tickets/s overall). {says}");

        // The seeder indexes each batch as it goes; this is the time to build the search index for the whole set at once.
        Progress.Say("Rebuilding the search index with the server's search reindex …");
        var reindexed = await RunAsync(workingDirectory, ct, "search", "reindex");
        if (!reindexed.Succeeded) throw new BenchSetupException("search reindex failed, " + reindexed.Describe());
        Progress.Say($"Search index rebuilt in {reindexed.Took.TotalSeconds:0.0} s.");

        var created = await RunAsync(workingDirectory, ct, "tokens", "create", "--email", "admin@example.com", "--name", "bench");
        var token = created.Output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("rpt_", StringComparison.Ordinal));
        if (!created.Succeeded || token is null) throw new BenchSetupException("tokens create failed, " + created.Describe());
        return new DatasetMarker(options.Tickets, options.Customers, options.Seed, token, seeded.Took.TotalSeconds, says, DateTimeOffset.UtcNow,
            DatasetSchema.Current(paths, provider), reindexed.Took.TotalSeconds);
    }

    private Task<ChildResult> RunAsync(string workingDirectory, CancellationToken ct, params string[] arguments) =>
        ChildProcess.RunAsync("dotnet", [paths.ServerDll, .. arguments], Environment(), workingDirectory, ct);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
