using System.Globalization;
using System.Runtime.InteropServices;

namespace Rapport.Bench.Reporting;

/// <summary>What the figures were measured on.</summary>
internal sealed record Machine(int Cores, long MemoryMb, string? Cpu, string Os, string Runtime, string? Database)
{
    public static Machine Describe(string? database) => new(
        Environment.ProcessorCount,
        MemoryKilobytes() / 1024,
        CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        database);

    private static long MemoryKilobytes()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static string? CpuModel() => ReadLines("/proc/cpuinfo")
        .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}

/// <summary>The commit measured, and whether the working tree had changes on top of it.</summary>
internal sealed record Commit(string? Sha, bool Dirty)
{
    public static async Task<Commit> ReadAsync(string root)
    {
        var head = await ChildProcess.RunAsync("git", ["rev-parse", "HEAD"], workingDirectory: root);
        var status = await ChildProcess.RunAsync("git", ["status", "--porcelain"], workingDirectory: root);
        return new Commit(head.Succeeded ? head.Output.Trim() : null, status.Succeeded && status.Output.Trim().Length > 0);
    }
}

/// <summary>The one-minute load average before and after the run: other work on the machine competes with the server and the harness.</summary>
internal sealed record MachineLoad(double Before, double After)
{
    public static double Now()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? double.Parse(File.ReadAllText(path).Split(' ')[0], CultureInfo.InvariantCulture) : 0;
    }
}
