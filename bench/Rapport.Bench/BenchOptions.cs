namespace Rapport.Bench;

internal enum Provider { Sqlite, PostgreSql }

/// <summary>What one run measures. <c>--quick</c> fills in the small defaults; anything given explicitly wins.</summary>
internal sealed record BenchOptions(
    Provider Provider,
    int Tickets,
    int Seed,
    int Concurrency,
    TimeSpan Duration,
    TimeSpan Warmup,
    string? Connection,
    bool Quick,
    IReadOnlySet<string> Workloads,
    bool Build,
    bool LogSql)
{
    public static readonly string[] AllWorkloads = ["create", "reply", "read", "queue", "customer", "mail", "search", "search2", "raw"];

    public int Customers => Math.Max(1, Tickets / 5);

    public bool Runs(string workload) => Workloads.Contains(workload);

    public static BenchOptions? From(
        string provider, int? tickets, int seed, int? concurrency, int? duration, int? warmup, string? connection,
        bool quick, string? only, bool noBuild, bool logSql, out string problem)
    {
        problem = "";
        Provider parsed;
        switch (provider.ToLowerInvariant())
        {
            case "sqlite": parsed = Provider.Sqlite; break;
            case "postgresql" or "postgres": parsed = Provider.PostgreSql; break;
            default: problem = $"--provider is '{provider}'; use sqlite or postgresql."; return null;
        }
        if (parsed == Provider.PostgreSql && string.IsNullOrWhiteSpace(connection))
        {
            problem = "--provider postgresql needs --connection \"Host=…;Port=…;Username=…\" (the harness creates its own databases).";
            return null;
        }
        var count = tickets ?? (quick ? 10_000 : 100_000);
        var workers = concurrency ?? (quick ? 8 : 16);
        var seconds = duration ?? (quick ? 3 : 30);
        // The server's JIT needs ~10 s under load on two busy cores to reach its optimised code for a workload's paths.
        var warm = warmup ?? Math.Clamp(seconds / 3, 1, 10);
        if (count < 100 || workers < 1 || seconds < 1 || warm < 0)
        {
            problem = "--tickets must be at least 100, --concurrency and --duration at least 1, --warmup not negative.";
            return null;
        }
        var selected = only is null
            ? AllWorkloads.ToHashSet()
            : only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.ToLowerInvariant()).ToHashSet();
        if (selected.Except(AllWorkloads).FirstOrDefault() is { } unknown)
        {
            problem = $"--only names '{unknown}'; use {string.Join(", ", AllWorkloads)}.";
            return null;
        }
        return new BenchOptions(parsed, count, seed, workers, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warm),
            connection, quick, selected, !noBuild, logSql);
    }
}
