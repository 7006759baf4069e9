using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.ServiceLevels;

/// <summary>
/// One app per provider on a clock the tests set. Each test adds policies that only its own tickets match
/// (<see cref="SlaSetup"/>).
/// </summary>
public sealed class SlaFixture : IAsyncLifetime
{
    private readonly Dictionary<Db, Task<RapportApp>> _apps = [];
    private readonly Lock _lock = new();

    public ManualClock Clock { get; } = new(new DateTimeOffset(2030, 1, 7, 8, 0, 0, TimeSpan.Zero));

    public Task<RapportApp> For(Db db)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(db, out var app)) _apps[db] = app = RapportApp.StartAsync(db, clock: Clock);
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await (await app).DisposeAsync();
    }
}
