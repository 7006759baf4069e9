namespace Rapport.Bench.Load;

/// <summary>One of the concurrent callers of a workload.</summary>
internal interface ILoadWorker : IAsyncDisposable
{
    /// <summary>Does one unit of work (one request, or one read of a ticket with its messages); null when it succeeded, else what went wrong.</summary>
    Task<string?> RunOnceAsync(CancellationToken ct);
}
