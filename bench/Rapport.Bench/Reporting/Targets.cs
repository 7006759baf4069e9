using Rapport.Bench.Load;

namespace Rapport.Bench.Reporting;

/// <summary>Issue 4's and issue 7's targets (2-core machine, 1,000,000 tickets). Reported, never asserted: --quick fails only on errors.</summary>
internal static class Targets
{
    public static IReadOnlyList<TargetCheck> Check(IReadOnlyList<WorkloadResult> workloads, double? ratio, ServerFigures server)
    {
        WorkloadResult? Find(string title) => workloads.FirstOrDefault(w => w.Name == title && w.Ran);
        return
        [
            AtLeast("create ticket, req/s", Find("create ticket")?.RequestsPerSecond, 1_500, "req/s"),
            AtLeast("API create / raw ceiling", ratio, 0.3, ""),
            AtMost("read ticket + messages, p99", Find("read ticket + messages")?.P99Ms, 15, "ms"),
            AtMost("queue first page, p99", Find("queue first page")?.P99Ms, 25, "ms"),
            AtMost("customer's tickets, p99", Find("customer's tickets")?.P99Ms, 15, "ms"),
            AtMost("server peak RSS", server.PeakRssMb, 400, "MB"),
            AtMost("start to /readyz", server.ReadinessMs / 1000, 2, "s"),
            AtMost("search: one word, p95", Find(Workloads.ApiWorkloads.SearchOneWord)?.P95Ms, 50, "ms"),
            AtMost("search: two words + status, p95", Find(Workloads.ApiWorkloads.SearchTwoWords)?.P95Ms, 50, "ms"),
        ];
    }

    private static TargetCheck AtLeast(string figure, double? measured, double target, string unit) =>
        new(figure, $"≥ {target:0.###} {unit}".Trim(), measured, unit, measured is null ? null : measured >= target);

    private static TargetCheck AtMost(string figure, double? measured, double target, string unit) =>
        new(figure, $"≤ {target:0.###} {unit}".Trim(), measured, unit, measured is null ? null : measured <= target);
}
