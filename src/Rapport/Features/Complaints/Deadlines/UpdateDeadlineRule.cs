using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints.Deadlines;

/// <summary>
/// Changes a rule's length, unit, basis, reference or calendar. Complaints already received keep the
/// deadlines they were given; the new rule applies to what arrives from now on.
/// </summary>
public sealed class UpdateDeadlineRule(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<string>> ExecuteAsync(string key, UpdateDeadlineRuleRequest request, Actor actor, CancellationToken ct)
    {
        var rule = await db.DeadlineRules.SingleOrDefaultAsync(r => r.Key == key, ct);
        if (rule is null) return new DeadlineRuleNotFound(key);

        var check = new Validator();
        if (request.Name.IsSet) DeadlineRuleInput.CheckName(check, request.Name.Value);
        if (request.Amount.IsSet) DeadlineRuleInput.CheckAmount(check, request.Amount.Value);
        if (request.Unit is { IsSet: true, Value: null }) check.Add("unit", "Unit cannot be empty.");
        if (request.Basis is { IsSet: true, Value: null }) check.Add("basis", "Basis cannot be empty.");
        if (request.Reference.IsSet) DeadlineRuleInput.CheckReference(check, request.Reference.Value);
        if (!check.IsValid) return check.ToError();

        if (request.Name.IsSet) rule.Name = request.Name.Value!.Trim();
        if (request.Amount.IsSet) rule.Amount = request.Amount.Value!.Value;
        if (request.Unit.IsSet) rule.Unit = request.Unit.Value!.Value;
        if (request.Basis.IsSet) rule.Basis = request.Basis.Value!.Value;
        if (request.Reference.IsSet) rule.Reference = DeadlineRuleInput.Clean(request.Reference.Value);
        if (request.CalendarId.IsSet) rule.CalendarId = request.CalendarId.Value;
        var now = clock.GetUtcNow();
        // Checked after the other changes: a longer count can make a sparse calendar insufficient.
        await DeadlineRuleInput.CheckCalendarAsync(db, check, rule.CalendarId, rule, now, ct);
        if (!check.IsValid) return check.ToError();

        var changes = AuditChanges.FromEntry(db.Entry(rule), nameof(DeadlineRule.UpdatedAt));
        if (changes.IsEmpty) return rule.Key;
        rule.UpdatedAt = now;
        audit.Record(actor, "deadline_rule", rule.Key, "updated", changes);
        await db.SaveChangesAsync(ct);
        return rule.Key;
    }
}
