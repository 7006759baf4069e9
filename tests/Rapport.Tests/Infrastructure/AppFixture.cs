namespace Rapport.Tests.Infrastructure;

/// <summary>One running app per provider for a test class; tests make their own data, so they can share it.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly Dictionary<Db, Task<RapportApp>> _apps = [];
    private readonly Lock _lock = new();

    public Task<RapportApp> For(Db db)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(db, out var app)) _apps[db] = app = RapportApp.StartAsync(db);
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await (await app).DisposeAsync();
    }
}
