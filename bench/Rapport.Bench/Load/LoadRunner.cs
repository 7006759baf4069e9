using System.Diagnostics;
using Rapport.Bench.Server;

namespace Rapport.Bench.Load;

/// <summary>
/// Runs workers side by side: a warm-up that is not recorded, then the measured window. The
/// window opens when the warm-up time has passed and every worker has finished at least one unit
/// (a cold first request can take seconds), or 30 s later at the latest. A unit counts when it
/// started inside the window; its latency is from its start to its end.
/// </summary>
internal static class LoadRunner
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<WorkloadResult> RunAsync(
        string name, IReadOnlyList<ILoadWorker> workers, BenchOptions options, ProcessSampler? server, DatabaseCpu? database,
        bool dedicatedThreads, CancellationToken ct)
    {
        var window = new Window(workers.Count, options.Duration);
        var opener = Task.Run(() => window.OpenAsync(options.Warmup, server, database, ct), ct);
        var records = workers.Select(_ => new WorkerRecord()).ToArray();
        var loops = workers.Select((worker, i) => dedicatedThreads
            ? Task.Factory.StartNew(() => LoopAsync(worker, records[i], window, ct).GetAwaiter().GetResult(),
                ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : Task.Run(() => LoopAsync(worker, records[i], window, ct), ct)).ToArray();
        await Task.WhenAll(loops);
        await opener;
        var figures = window.Server?.End();
        var seconds = window.SinceOpen.TotalSeconds;
        var harness = 100 * (Process.GetCurrentProcess().TotalProcessorTime - window.HarnessCpuAtOpen).TotalSeconds / seconds;
        double? databasePercent = database is null ? null : await database.SinceLastAsync(ct) * 100 / seconds;
        return WorkloadResult.From(name, options.Duration, records, figures, harness, databasePercent);
    }

    private static async Task LoopAsync(ILoadWorker worker, WorkerRecord record, Window window, CancellationToken ct)
    {
        var first = true;
        while (!ct.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            if (start >= window.To) return;
            string? error;
            try
            {
                error = await worker.RunOnceAsync(ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                error = $"{exception.GetType().Name}: {exception.Message}";
            }
            if (first)
            {
                first = false;
                window.WorkerWarm();
            }
            if (start < window.From) continue;
            record.Latencies.Add(Stopwatch.GetTimestamp() - start);
            if (error is null) continue;
            record.Errors++;
            if (record.FirstErrors.Count < 3) record.FirstErrors.Add(error);
        }
    }

    /// <summary>The measured window, in Stopwatch ticks; closed (from = to = max) until it opens.</summary>
    private sealed class Window(int workers, TimeSpan duration)
    {
        private readonly TaskCompletionSource _allWarm = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _cold = workers;
        private long _from = long.MaxValue;
        private long _to = long.MaxValue;
        private readonly Stopwatch _sinceOpen = new();

        public long From => Interlocked.Read(ref _from);
        public long To => Interlocked.Read(ref _to);
        public ProcessSampler.Window? Server { get; private set; }
        public TimeSpan HarnessCpuAtOpen { get; private set; }
        public TimeSpan SinceOpen => _sinceOpen.Elapsed;

        public void WorkerWarm()
        {
            if (Interlocked.Decrement(ref _cold) == 0) _allWarm.TrySetResult();
        }

        public async Task OpenAsync(TimeSpan warmup, ProcessSampler? server, DatabaseCpu? database, CancellationToken ct)
        {
            await Task.Delay(warmup, ct);
            await Task.WhenAny(_allWarm.Task, Task.Delay(Patience, ct));
            if (database is not null) await database.SinceLastAsync(ct);
            Server = server?.Begin();
            HarnessCpuAtOpen = Process.GetCurrentProcess().TotalProcessorTime;
            _sinceOpen.Start();
            var from = Stopwatch.GetTimestamp();
            Interlocked.Exchange(ref _to, from + (long)(duration.TotalSeconds * Stopwatch.Frequency));
            Interlocked.Exchange(ref _from, from);
        }
    }
}

/// <summary>What one worker saw in the measured window; each worker writes only its own.</summary>
internal sealed class WorkerRecord
{
    public List<long> Latencies { get; } = new(16_384);
    public int Errors { get; set; }
    public List<string> FirstErrors { get; } = [];
}
