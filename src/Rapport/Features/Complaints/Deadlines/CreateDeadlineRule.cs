using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Complaints.Deadlines;

/// <summary>Adds a deadline or right of the organisation's own (a warranty claim window, say).</summary>
public sealed class CreateDeadlineRule(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<string>> ExecuteAsync(CreateDeadlineRuleRequest request, Actor actor, CancellationToken ct)
    {
        var check = new Validator();
        SnakeKeys.Check(check, "key", request.Key);
        DeadlineRuleInput.CheckName(check, request.Name);
        DeadlineRuleInput.CheckAmount(check, request.Amount);
        if (request.Unit is null) check.Add("unit", "This field is required.");
        if (request.Basis is null) check.Add("basis", "This field is required.");
        DeadlineRuleInput.CheckReference(check, request.Reference);
        if (!check.IsValid) return check.ToError();

        var now = clock.GetUtcNow();
        var rule = new DeadlineRule
        {
            Key = request.Key!,
            Name = request.Name!.Trim(),
            Amount = request.Amount!.Value,
            Unit = request.Unit!.Value,
            Basis = request.Basis!.Value,
            Reference = DeadlineRuleInput.Clean(request.Reference),
            CalendarId = request.CalendarId,
            UpdatedAt = now,
        };
        await DeadlineRuleInput.CheckCalendarAsync(db, check, request.CalendarId, rule, now, ct);
        if (!check.IsValid) return check.ToError();
        if (await db.DeadlineRules.AnyAsync(r => r.Key == rule.Key, ct)) return new DeadlineRuleKeyTaken(rule.Key);

        db.DeadlineRules.Add(rule);
        audit.Record(actor, "deadline_rule", rule.Key, "created", AuditChanges.FromEntry(db.Entry(rule), nameof(DeadlineRule.UpdatedAt)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two managers adding the same key at once: the primary key decides.
            return new DeadlineRuleKeyTaken(rule.Key);
        }
        return rule.Key;
    }
}
