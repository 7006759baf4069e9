using System.Globalization;
using System.Text;

namespace Rapport.Bench.Reporting;

/// <summary>The run as markdown: the workload table, the server's figures and the targets.</summary>
internal static class MarkdownReport
{
    public static string Write(BenchResult result)
    {
        var text = new StringBuilder();
        var commit = result.Commit.Sha is { } sha ? sha[..Math.Min(10, sha.Length)] + (result.Commit.Dirty ? " (with uncommitted changes)" : "") : "unknown";
        Line(text, $"### {result.Provider}, {result.Tickets:N0} tickets, concurrency {result.Concurrency}, {result.DurationSeconds:0} s per workload");
        Line(text, "");
        Line(text, $"{result.Date:yyyy-MM-dd HH:mm} UTC · commit {commit} · {result.Machine.Cores} cores, {result.Machine.MemoryMb / 1024.0:0.#} GB"
            + $" · {result.Machine.Database} · {result.TicketsAtStart:N0} tickets at start · load average {result.Load.Before:0.0} → {result.Load.After:0.0}");
        Line(text, "");
        Line(text, "| workload | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | server CPU | CPU ms/req | database CPU | harness CPU |");
        Line(text, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var w in result.Workloads)
            Line(text, $"| {w.Name} | {w.RequestsPerSecond:N0} | {w.P50Ms:0.0} | {w.P95Ms:0.0} | {w.P99Ms:0.0} | {w.MaxMs:0.0} | {w.Errors} | {Percent(w.ServerCpuPercent)} | {(w.ServerCpuMsPerRequest is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : "—")} | {Percent(w.DatabaseCpuPercent)} | {w.HarnessCpuPercent:0} % |");
        Line(text, "");
        var server = result.Server;
        Line(text, $"- start to 200 on `/readyz`: {server.ReadinessMs:N0} ms");
        Line(text, $"- server peak RSS (VmHWM): {server.PeakRssMb:N0} MB; CPU {server.CpuSeconds:0.0} s over {server.WallSeconds:0} s ({server.AverageCpuPercent:0} % of one core)");
        Line(text, $"- API create / raw ceiling: {(result.CreateToRawRatio is { } r ? r.ToString(r < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) : "not measured")}");
        Line(text, $"- dataset: {result.Dataset.Name}, {(result.Dataset.Reused ? "reused" : $"built in {result.Dataset.SeedSeconds:0.0} s")}");
        if (result.Dataset.SearchIndex is { } index)
            Line(text, $"- search index over {index.Messages:N0} messages: rebuilt by `search reindex` in {(index.RebuildSeconds is { } s ? $"{s:0.0} s" : "— (dataset built before it was measured)")}, {(index.SizeMb is { } mb ? $"{mb:N0} MB on disk" : "size not measurable here")}");
        Line(text, "");
        Line(text, "| target (issues 4, 7) | wanted | measured | met |");
        Line(text, "|---|---|---:|---|");
        foreach (var t in result.Targets)
            Line(text, $"| {t.Figure} | {t.Target} | {(t.Measured is { } m ? $"{m:0.###} {t.Unit}".Trim() : "—")} | {(t.Met switch { true => "yes", false => "**no**", null => "—" })} |");
        foreach (var w in result.Workloads.Where(w => w.SampleErrors.Count > 0))
        {
            Line(text, "");
            Line(text, $"Errors in {w.Name}:");
            foreach (var error in w.SampleErrors) Line(text, $"- {error}");
        }
        return text.ToString();
    }

    private static string Percent(double? value) => value is { } v ? $"{v:0} %" : "—";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
