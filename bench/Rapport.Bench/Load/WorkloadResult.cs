using System.Diagnostics;
using Rapport.Bench.Server;

namespace Rapport.Bench.Load;

/// <summary>
/// One workload's figures. Latencies in milliseconds; percentiles by nearest rank over every recorded
/// latency. Server CPU per request is the server's CPU time in the window over the requests done:
/// the service cost that, with the cores available, bounds throughput whatever the concurrency.
/// </summary>
internal sealed record WorkloadResult(
    string Name,
    long Requests,
    double RequestsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    long Errors,
    IReadOnlyList<string> SampleErrors,
    double? ServerCpuPercent,
    double? ServerCpuMsPerRequest,
    double? ServerPeakRssMb,
    double HarnessCpuPercent,
    double? DatabaseCpuPercent)
{
    public static WorkloadResult From(string name, TimeSpan duration, IReadOnlyList<WorkerRecord> records, WindowFigures? server, double harnessCpuPercent, double? databaseCpuPercent)
    {
        var all = records.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(all);
        return new WorkloadResult(
            name,
            all.Length,
            Math.Round(all.Length / duration.TotalSeconds, 1),
            Percentile(all, 0.50),
            Percentile(all, 0.95),
            Percentile(all, 0.99),
            all.Length == 0 ? 0 : Milliseconds(all[^1]),
            records.Sum(r => r.Errors),
            records.SelectMany(r => r.FirstErrors).Distinct().Take(5).ToList(),
            server is null ? null : Math.Round(server.CpuPercent, 0),
            server is null || all.Length == 0 ? null : Math.Round(server.CpuSeconds * 1000 / all.Length, 2),
            server is null ? null : Math.Round(server.PeakRssBytes / 1048576.0, 1),
            Math.Round(harnessCpuPercent, 0),
            databaseCpuPercent is { } database ? Math.Round(database, 0) : null);
    }

    public bool Ran => Requests > 0;

    private static double Percentile(long[] sorted, double quantile)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(quantile * sorted.Length);
        return Milliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    private static double Milliseconds(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 2);
}
