using Rapport.Data;

namespace Rapport.Infrastructure.Caching;

/// <summary>
/// Configuration read from the database on nearly every change (service-level policies, automation rules),
/// kept in memory: loaded on first use, forgotten when this process changes it, and at most
/// <see cref="Lifetime"/> old, so other instances on the same database catch up within that time.
/// </summary>
public sealed class DatabaseSnapshot<T>(IServiceScopeFactory scopes, TimeProvider clock, Func<RapportDbContext, CancellationToken, Task<T>> load)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private (T Value, DateTimeOffset Until)? _current;
    private long _generation;

    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    public async Task<T> GetAsync(CancellationToken ct)
    {
        if (_current is { } fresh && fresh.Until > clock.GetUtcNow()) return fresh.Value;
        await _loading.WaitAsync(ct);
        try
        {
            if (_current is { } loaded && loaded.Until > clock.GetUtcNow()) return loaded.Value;
            // A change committed while this load was reading may be missing from it: such a value is used once, never kept.
            var generation = Interlocked.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var value = await load(scope.ServiceProvider.GetRequiredService<RapportDbContext>(), ct);
            if (Interlocked.Read(ref _generation) == generation) _current = (value, clock.GetUtcNow() + Lifetime);
            return value;
        }
        finally
        {
            _loading.Release();
        }
    }
}
