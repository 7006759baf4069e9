namespace Rapport.Features.ServiceLevels;

/// <summary>Runs the <see cref="SlaSweep"/> every minute.</summary>
internal sealed class SlaSweepService(IServiceScopeFactory scopes, ILogger<SlaSweepService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var recorded = await scope.ServiceProvider.GetRequiredService<SlaSweep>().RunAsync(stoppingToken);
                if (recorded > 0) logger.LogInformation("Recorded service-level warnings or breaches on {Count} tickets", recorded);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The service-level sweep failed; it runs again in a minute");
            }
        }
    }
}
