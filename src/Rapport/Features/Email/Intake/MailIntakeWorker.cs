using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;

namespace Rapport.Features.Email.Intake;

/// <summary>
/// The background side of intake, a thin timer: takes messages that were stored but not processed (the process
/// died between the two, or processing failed and is due again) and looks in the drop folder.
/// </summary>
public sealed class MailIntakeWorker(IServiceScopeFactory scopes, IOptions<EmailIntakeOptions> options, ILogger<MailIntakeWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DropFolderSeconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RecoverReceivedMail>().ExecuteAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<MailDropFolder>().RunOnceAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                log.LogError(failure, "The mail intake round failed; it runs again at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>Processes messages left "received": by a crash between storing and processing, or a failure still within its attempts.</summary>
public sealed class RecoverReceivedMail(RapportDbContext db, ProcessInboundMail process, TimeProvider clock)
{
    /// <summary>A message younger than this is probably being processed by the way in that stored it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - Grace;
        var waiting = await db.InboundMails.Where(m => m.Status == InboundMailStatus.Received && m.ReceivedAt < before)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(100).ToListAsync(ct);
        foreach (var id in waiting) await process.ExecuteAsync(id, ct);
        return waiting.Count;
    }
}
