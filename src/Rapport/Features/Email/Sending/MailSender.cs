using Microsoft.Extensions.Options;

namespace Rapport.Features.Email.Sending;

/// <summary>
/// Runs <see cref="DeliverDueMail"/> on a <see cref="PeriodicTimer"/> (the poll interval, real time), and at once when mail is queued
/// (<see cref="MailSignal"/>). Several instances may run side by side: the use case's claims keep each mail to one.
/// </summary>
internal sealed class MailSender(IServiceScopeFactory scopes, MailSignal signal, IOptions<SendingOptions> options, ILogger<MailSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground) return;
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        Task<bool>? tick = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            await DeliverAsync(stoppingToken);
            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            // Whichever comes first: the next tick, or mail queued meanwhile. The tick left waiting is reused.
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var wake = signal.WaitAsync(waiting.Token);
            await Task.WhenAny(tick, wake);
            await waiting.CancelAsync();
            try
            {
                await wake;
            }
            catch (OperationCanceledException)
            {
                // The tick came first (or the host is stopping): no wake-up was taken.
            }
            if (!tick.IsCompleted) continue;
            if (!tick.IsCompletedSuccessfully || !tick.Result) return;
            tick = null;
        }
    }

    private async Task DeliverAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeliverDueMail>().ExecuteAsync(stoppingToken);
        }
        catch (Exception exception)
        {
            // When the host is stopping, a mail being sent keeps its lease and is taken again after it runs out.
            if (!stoppingToken.IsCancellationRequested) logger.LogError(exception, "Delivering mail failed; trying again at the next tick");
        }
    }
}
