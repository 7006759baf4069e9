using System.Globalization;
using System.Runtime.InteropServices;

namespace Rapport.Bench.Server;

/// <summary>
/// Samples a process's memory and CPU from /proc every 100 ms: VmRSS (resident now), VmHWM (the
/// kernel's own peak), and user+system CPU time. A window gives the CPU used and the highest RSS
/// seen while one workload ran.
/// </summary>
internal sealed class ProcessSampler : IAsyncDisposable
{
    private const int ScClockTicks = 2;
    public static readonly double TicksPerSecond = ClockTicks();
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _windowPeakRss;

    public ProcessSampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(LoopAsync);
    }

    public ProcessFigures Now()
    {
        var (rss, hwm) = ReadMemory();
        return new ProcessFigures(ReadCpuSeconds(), rss, hwm);
    }

    public Window Begin()
    {
        Interlocked.Exchange(ref _windowPeakRss, ReadMemory().Rss);
        return new Window(this, ReadCpuSeconds(), DateTime.UtcNow);
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var rss = ReadMemory().Rss;
                long seen;
                do seen = Interlocked.Read(ref _windowPeakRss);
                while (rss > seen && Interlocked.CompareExchange(ref _windowPeakRss, rss, seen) != seen);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private (long Rss, long Hwm) ReadMemory()
    {
        long rss = 0, hwm = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kilobytes(line);
            }
        }
        catch (IOException)
        {
            // The process has gone.
        }
        return (rss, hwm);
    }

    private double ReadCpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{_pid}/stat");
            // Fields after the command name, which may hold spaces, start at state (field 3); utime and stime are fields 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    private static double ClockTicks()
    {
        try
        {
            var ticks = SysConf(ScClockTicks);
            return ticks > 0 ? ticks : 100;
        }
        catch (DllNotFoundException)
        {
            return 100;
        }
    }

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    public sealed class Window(ProcessSampler sampler, double cpuAtStart, DateTime startedAt)
    {
        public WindowFigures End()
        {
            var cpu = sampler.ReadCpuSeconds() - cpuAtStart;
            var wall = (DateTime.UtcNow - startedAt).TotalSeconds;
            var peak = Math.Max(Interlocked.Read(ref sampler._windowPeakRss), sampler.ReadMemory().Rss);
            return new WindowFigures(cpu, wall, peak);
        }
    }
}

internal sealed record ProcessFigures(double CpuSeconds, long RssBytes, long PeakRssBytes);

/// <summary>CPU seconds the server used over a window of wall time (200% is both cores), and its highest RSS then.</summary>
internal sealed record WindowFigures(double CpuSeconds, double WallSeconds, long PeakRssBytes)
{
    public double CpuPercent => WallSeconds > 0 ? 100 * CpuSeconds / WallSeconds : 0;
}
