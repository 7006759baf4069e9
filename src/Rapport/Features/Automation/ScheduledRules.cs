using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Conditions;

namespace Rapport.Features.Automation;

/// <summary>
/// Runs the scheduled rules: each selects the tickets its conditions describe (e.g. pending and not updated
/// for 7 days), in the database through the condition translator, and fires on each ticket once per version
/// of it — a rule whose actions change the ticket may fire again only if the ticket still matches afterwards.
/// </summary>
public sealed class ScheduledRules(RapportDbContext db, ActiveAutomationRules rules, RunAutomation run, TimeProvider clock)
{
    /// <summary>Per rule and sweep: the rest waits for the next sweep, so one rule cannot hold the others up.</summary>
    public const int BatchSize = 200;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var fired = 0;
        foreach (var rule in await rules.ForAsync(AutomationTrigger.Scheduled, ct))
        {
            var context = new ConditionContext(clock.GetUtcNow(), null);
            var due = await db.Tickets.AsNoTracking().Where(rule.Conditions, context)
                .Where(t => !db.AutomationRuns.Any(r => r.RuleId == rule.Id && r.TicketNumber == t.Number && r.TicketVersion == t.Version))
                .OrderBy(t => t.Number).Select(t => new { t.Number, t.Version }).Take(BatchSize).ToListAsync(ct);
            foreach (var ticket in due)
            {
                // Recorded first: a rule that fails half-way is not retried on the same version forever.
                db.AutomationRuns.Add(new AutomationRun { RuleId = rule.Id, TicketNumber = ticket.Number, TicketVersion = ticket.Version, RanAt = clock.GetUtcNow() });
                await db.SaveChangesAsync(ct);
                await run.FireAsync(rule, ticket.Number, ct);
                db.ChangeTracker.Clear();
                fired++;
            }
        }
        return fired;
    }
}

/// <summary>Runs the <see cref="ScheduledRules"/> every five minutes.</summary>
internal sealed class ScheduledRulesService(IServiceScopeFactory scopes, ILogger<ScheduledRulesService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var fired = await scope.ServiceProvider.GetRequiredService<ScheduledRules>().RunAsync(stoppingToken);
                if (fired > 0) logger.LogInformation("Scheduled automation rules fired {Count} times", fired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The scheduled automation sweep failed; it runs again in five minutes");
            }
        }
    }
}
