using Microsoft.Extensions.DependencyInjection;
using Rapport.Infrastructure.Caching;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform;

/// <summary>Cached configuration never outlives a change: a load that raced a change is not kept.</summary>
public class DatabaseSnapshotTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task AChangeDuringALoad_MakesTheNextReadLoadAgain()
    {
        var app = await fixture.For(Db.Sqlite);
        var version = 1;
        var loads = 0;
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var snapshot = new DatabaseSnapshot<int>(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, async (_, _) =>
        {
            var seen = version;
            if (Interlocked.Increment(ref loads) == 1)
            {
                reading.SetResult();
                await release.Task;
            }
            return seen;
        });

        // The first load reads version 1; meanwhile version 2 is saved and the snapshot told to forget.
        var first = snapshot.GetAsync(CancellationToken.None);
        await reading.Task;
        version = 2;
        snapshot.Forget();
        release.SetResult();

        Assert.Equal(1, await first);
        Assert.Equal(2, await snapshot.GetAsync(CancellationToken.None));
        Assert.Equal(2, await snapshot.GetAsync(CancellationToken.None));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task WithoutChanges_TheValueIsLoadedOnce()
    {
        var app = await fixture.For(Db.Sqlite);
        var loads = 0;
        var snapshot = new DatabaseSnapshot<int>(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            (_, _) => Task.FromResult(Interlocked.Increment(ref loads)));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => snapshot.GetAsync(CancellationToken.None)));
        Assert.Equal(1, await snapshot.GetAsync(CancellationToken.None));
        Assert.Equal(1, loads);
    }
}
