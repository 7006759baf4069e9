using Microsoft.Extensions.Options;

namespace Rapport.Features.Email.Sending;

/// <summary>
/// Runs <see cref="DeliverDueMail"/> every poll interval of real time, and at once when mail is queued
/// (<see cref="MailSignal"/>). Several instances may run side by side: the use case's claims keep each mail to one.
/// </summary>
internal sealed class MailSender(IServiceScopeFactory scopes, MailSignal signal, IOptions<SendingOptions> options, ILogger<MailSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeliverDueMail>().ExecuteAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Delivering mail failed; trying again at the next tick");
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
