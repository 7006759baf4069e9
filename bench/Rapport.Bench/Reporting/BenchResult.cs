using Rapport.Bench.Load;

namespace Rapport.Bench.Reporting;

/// <summary>Everything one run measured; written as JSON to bench/results/.</summary>
internal sealed record BenchResult(
    DateTimeOffset Date,
    Machine Machine,
    MachineLoad Load,
    string Provider,
    int Tickets,
    long TicketsAtStart,
    int Seed,
    int Concurrency,
    double DurationSeconds,
    double WarmupSeconds,
    bool Quick,
    Commit Commit,
    DatasetFigures Dataset,
    ServerFigures Server,
    IReadOnlyList<WorkloadResult> Workloads,
    double? CreateToRawRatio,
    IReadOnlyList<TargetCheck> Targets);

internal sealed record DatasetFigures(string Name, bool Reused, double SeedSeconds, string? SeederSays, SearchIndexFigures? SearchIndex = null);

/// <summary>The full-text index: how long `search reindex` took over the whole set, and its tables' size on disk.</summary>
internal sealed record SearchIndexFigures(double? RebuildSeconds, double? SizeMb, long Messages);

/// <summary>Readiness from process start to 200 on /readyz; peak RSS is the kernel's VmHWM at the end of the run.</summary>
internal sealed record ServerFigures(double ReadinessMs, double PeakRssMb, double CpuSeconds, double WallSeconds, double AverageCpuPercent);

internal sealed record TargetCheck(string Figure, string Target, double? Measured, string Unit, bool? Met);
