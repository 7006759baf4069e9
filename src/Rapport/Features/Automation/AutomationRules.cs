using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Conditions;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Automation;

public sealed record AutomationRuleRequest(
    string? Name, AutomationTrigger? Trigger, ConditionSet? Conditions, AutomationAction?[]? Actions, int? Position, bool? IsActive);

public sealed record MoveAutomationRuleRequest(int? Position);

public sealed record AutomationRuleDto(
    long Id, string Name, AutomationTrigger Trigger, ConditionSet Conditions, IReadOnlyList<AutomationAction> Actions,
    int Position, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Managing the rules: list, read, create (last in the order unless told), replace, move and delete, each checked and audited.</summary>
public sealed class AutomationRules(RapportDbContext db, ActiveAutomationRules active, AuditLog audit, TimeProvider clock)
{
    public async Task<List<AutomationRuleDto>> ListAsync(CancellationToken ct) =>
        (await db.AutomationRules.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct)).Select(ToDto).ToList();

    public async Task<Result<AutomationRuleDto>> GetAsync(long id, CancellationToken ct) =>
        await db.AutomationRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } rule ? ToDto(rule) : new RuleNotFound(id);

    public async Task<Result<AutomationRuleDto>> CreateAsync(AutomationRuleRequest request, Actor actor, CancellationToken ct)
    {
        if (await CheckAsync(request, null, ct) is { } invalid) return invalid;
        var now = clock.GetUtcNow();
        var rule = new AutomationRule
        {
            Name = request.Name!.Trim(), Trigger = request.Trigger!.Value, Conditions = (request.Conditions ?? ConditionSet.Empty).ToJson(),
            Actions = AutomationAction.ToJson([.. request.Actions!.OfType<AutomationAction>()]),
            Position = request.Position ?? (await db.AutomationRules.MaxAsync(r => (int?)r.Position, ct) ?? 0) + 1,
            IsActive = request.IsActive ?? true, CreatedAt = now, UpdatedAt = now,
        };
        db.AutomationRules.Add(rule);
        return await SaveAsync(rule, "created", AuditChanges.FromEntry(db.Entry(rule), nameof(AutomationRule.Id), nameof(AutomationRule.CreatedAt), nameof(AutomationRule.UpdatedAt)), actor, ct);
    }

    /// <summary>Replaces the whole rule with the request.</summary>
    public async Task<Result<AutomationRuleDto>> ReplaceAsync(long id, AutomationRuleRequest request, Actor actor, CancellationToken ct)
    {
        var rule = await db.AutomationRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null) return new RuleNotFound(id);
        if (await CheckAsync(request, id, ct) is { } invalid) return invalid;
        (rule.Name, rule.Trigger, rule.Conditions) = (request.Name!.Trim(), request.Trigger!.Value, (request.Conditions ?? ConditionSet.Empty).ToJson());
        (rule.Actions, rule.Position, rule.IsActive) = (AutomationAction.ToJson([.. request.Actions!.OfType<AutomationAction>()]), request.Position ?? rule.Position, request.IsActive ?? rule.IsActive);
        var changes = AuditChanges.FromEntry(db.Entry(rule));
        if (changes.IsEmpty) return ToDto(rule);
        rule.UpdatedAt = clock.GetUtcNow();
        return await SaveAsync(rule, "updated", changes, actor, ct);
    }

    /// <summary>Moves a rule to a place in the order rules run (1 = first); the rules are then numbered 1, 2, 3… in that order.</summary>
    public async Task<Result<AutomationRuleDto>> MoveAsync(long id, MoveAutomationRuleRequest request, Actor actor, CancellationToken ct)
    {
        var order = await db.AutomationRules.OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var rule = order.Find(r => r.Id == id);
        if (rule is null) return new RuleNotFound(id);
        if (request.Position is not { } position || position < 1 || position > order.Count)
            return ValidationError.For("position", $"Must be from 1 to {order.Count}.");
        var before = order.IndexOf(rule) + 1;
        if (position == before) return ToDto(rule);
        order.Remove(rule);
        order.Insert(position - 1, rule);
        for (var i = 0; i < order.Count; i++) order[i].Position = i + 1;
        rule.UpdatedAt = clock.GetUtcNow();
        return await SaveAsync(rule, "moved", new AuditChanges().Set("position", before, position), actor, ct);
    }

    public async Task<Result<bool>> DeleteAsync(long id, Actor actor, CancellationToken ct)
    {
        var rule = await db.AutomationRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null) return new RuleNotFound(id);
        db.AutomationRules.Remove(rule);
        audit.Record(actor, "automation_rule", Key(id), "deleted", new AuditChanges().Set("name", rule.Name, null));
        await db.SaveChangesAsync(ct);
        active.Forget();
        return true;
    }

    private async Task<Error?> CheckAsync(AutomationRuleRequest request, long? id, CancellationToken ct)
    {
        var check = new Validator().Required("name", request.Name, AutomationLimits.NameLength);
        if (request.Trigger is null) check.Add("trigger", "Give the trigger: ticket_created, ticket_updated or scheduled.");
        (request.Conditions ?? ConditionSet.Empty).Validate("conditions", check);
        // A scheduled rule without conditions would act on every ticket there is, every five minutes.
        if (request.Trigger == AutomationTrigger.Scheduled && (request.Conditions?.Count ?? 0) == 0)
            check.Add("conditions", "A scheduled rule needs conditions that say which tickets it acts on.");
        RulePlan.From(request.Actions ?? [], "actions", check);
        if (check.IsValid && await db.AutomationRules.AnyAsync(r => r.Name == request.Name!.Trim() && r.Id != id, ct))
            check.Add("name", "Another rule has this name.");
        return check.IsValid ? null : check.ToError();
    }

    private async Task<Result<AutomationRuleDto>> SaveAsync(AutomationRule rule, string action, AuditChanges changes, Actor actor, CancellationToken ct)
    {
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            audit.Record(actor, "automation_rule", Key(rule.Id), action, changes);
            return await db.SaveChangesAsync(ct);
        }, ct);
        active.Forget();
        return ToDto(rule);
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static AutomationRuleDto ToDto(AutomationRule rule) => new(rule.Id, rule.Name, rule.Trigger, ConditionSet.FromJson(rule.Conditions),
        AutomationAction.FromJson(rule.Actions), rule.Position, rule.IsActive, rule.CreatedAt, rule.UpdatedAt);

    private sealed record RuleNotFound(long Id) : Error(StatusCodes.Status404NotFound, "Not found", $"There is no automation rule {Id}.");
}
