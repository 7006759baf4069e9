using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Conditions;
using Rapport.Features.ServiceLevels;

namespace Rapport.Features.Automation;

/// <summary>
/// Runs the rules that look at a ticket once a change to it is saved (the use cases that change tickets call
/// it last), and applies their actions through the same use cases. A rule fires at most once in a chain of
/// changes it starts, and a chain stops at <see cref="MaxDepth"/> rules deep with a note in the ticket's
/// history, so two rules that undo each other cannot loop. Every firing is in the ticket's history.
/// </summary>
public sealed class RunAutomation(
    RapportDbContext db, ActiveAutomationRules rules, IServiceProvider services, AuditLog audit, TimeProvider clock, ILogger<RunAutomation> logger)
{
    public const int MaxDepth = 5;

    private sealed record Chain(int Depth, HashSet<long> Fired);

    // The chain flows into the use cases a rule calls, and from them back into this runner.
    private static readonly AsyncLocal<Chain?> Current = new();

    public async Task AfterChangeAsync(long number, AutomationTrigger trigger, CancellationToken ct)
    {
        try
        {
            var candidates = await rules.ForAsync(trigger, ct);
            if (candidates.Count == 0) return;
            var chain = Current.Value ?? new Chain(0, []);
            var ticket = await db.Tickets.AsNoTracking().Include(t => t.Tags).FirstOrDefaultAsync(t => t.Number == number, ct);
            if (ticket is null) return;
            var facts = TicketFacts.From(ticket, await db.RequesterFactsAsync(ticket, ct));
            var context = new ConditionContext(clock.GetUtcNow(), null);
            foreach (var rule in candidates.Where(r => !chain.Fired.Contains(r.Id) && r.Conditions.Matches(facts, context)))
            {
                if (chain.Depth >= MaxDepth)
                {
                    await RecordAsync(number, rule, $"stopped: {MaxDepth} rules deep in one chain of changes", "automation_stopped", ct);
                    return;
                }
                await FireAsync(rule, number, chain, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change that triggered the rules is saved; a failing rule must not turn it into an error.
            db.ChangeTracker.Clear();
            logger.LogError(e, "Automation after a change to ticket {Number} failed", number);
        }
    }

    /// <summary>Fires one rule on one ticket (also used by the scheduled sweep) and records the outcome.</summary>
    public async Task FireAsync(ActiveRule rule, long number, CancellationToken ct) =>
        await FireAsync(rule, number, Current.Value ?? new Chain(0, []), ct);

    private async Task FireAsync(ActiveRule rule, long number, Chain chain, CancellationToken ct)
    {
        chain.Fired.Add(rule.Id);
        var outer = Current.Value;
        Current.Value = chain with { Depth = chain.Depth + 1 };
        string outcome;
        try
        {
            outcome = await services.GetRequiredService<RuleActions>().ApplyAsync(rule, number, ct);
        }
        finally
        {
            Current.Value = outer;
        }
        await RecordAsync(number, rule, outcome, "automation_ran", ct);
    }

    private async Task RecordAsync(long number, ActiveRule rule, string outcome, string action, CancellationToken ct)
    {
        var customer = await db.Tickets.Where(t => t.Number == number).Select(t => (long?)t.RequesterId).FirstOrDefaultAsync(ct);
        audit.Record(Actor.System, "automation_rule", rule.Id.ToString(CultureInfo.InvariantCulture), action,
            new AuditChanges().Set("rule", null, rule.Name).Set("outcome", null, outcome), ticketNumber: number, customerId: customer);
        await db.SaveChangesAsync(ct);
    }
}
