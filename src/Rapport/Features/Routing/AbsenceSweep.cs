namespace Rapport.Features.Routing;

/// <summary>Every minute, redistributes the work of agents whose absence has started. The work is <see cref="RedistributeAbsentWork"/>.</summary>
internal sealed class AbsenceSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AbsenceSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var moved = await scope.ServiceProvider.GetRequiredService<RedistributeAbsentWork>().RunAsync(stoppingToken);
                if (moved > 0) logger.LogInformation("Redistributed {Count} tickets of absent agents", moved);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Redistributing absent agents' tickets failed; trying again in a minute");
            }
        }
    }
}
