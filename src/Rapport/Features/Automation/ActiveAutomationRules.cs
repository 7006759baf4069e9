using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Conditions;
using Rapport.Infrastructure.Caching;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Automation;

/// <summary>A rule ready to run: its conditions parsed and its actions planned.</summary>
public sealed record ActiveRule(long Id, string Name, AutomationTrigger Trigger, ConditionSet Conditions, RulePlan Plan);

/// <summary>The active rules in order, kept in memory (they are looked at after every change); changes call <see cref="Forget"/>.</summary>
public sealed class ActiveAutomationRules(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ActiveAutomationRules> logger)
{
    private readonly DatabaseSnapshot<IReadOnlyList<ActiveRule>> _rules = new(scopes, clock, (db, ct) => LoadAsync(db, logger, ct));

    public void Forget() => _rules.Forget();

    public async Task<IReadOnlyList<ActiveRule>> ForAsync(AutomationTrigger trigger, CancellationToken ct) =>
        [.. (await _rules.GetAsync(ct)).Where(r => r.Trigger == trigger)];

    private static async Task<IReadOnlyList<ActiveRule>> LoadAsync(RapportDbContext db, ILogger logger, CancellationToken ct)
    {
        var rules = await db.AutomationRules.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var active = new List<ActiveRule>();
        foreach (var rule in rules)
        {
            // A rule saved before a field or action was withdrawn no longer runs; it says why rather than failing every change.
            var check = new Validator();
            var conditions = ConditionSet.FromJson(rule.Conditions);
            conditions.Validate("conditions", check);
            var plan = RulePlan.From(AutomationAction.FromJson(rule.Actions), "actions", check);
            if (check.IsValid && plan is not null) active.Add(new ActiveRule(rule.Id, rule.Name, rule.Trigger, conditions, plan));
            else logger.LogWarning("Automation rule {Rule} ({Id}) is not valid any more and does not run", rule.Name, rule.Id);
        }
        return active;
    }
}
