using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Customers;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Escalation.Referrals;

/// <summary>
/// The referral matrix managed by managers and admins: list, read, create, change (including its place in the
/// order) and delete rules, each change audited as <c>referral_rule</c>. Positions are 1, 2, 3… without gaps.
/// </summary>
public sealed class ReferralRules(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<List<ReferralRuleDto>> ListAsync(CancellationToken ct) =>
        [.. (await Loaded().OrderBy(r => r.Position).ThenBy(r => r.Id).Take(ReferralRuleInput.MaxRules).ToListAsync(ct)).Select(ReferralRuleDto.From)];

    public async Task<Result<ReferralRuleDto>> GetAsync(long id, CancellationToken ct) =>
        await Loaded().SingleOrDefaultAsync(r => r.Id == id, ct) is { } rule ? ReferralRuleDto.From(rule) : new ReferralRuleNotFound(id);

    /// <summary>The active rules, ready to suggest a team.</summary>
    public async Task<ReferralMatrix> MatrixAsync(CancellationToken ct) =>
        new(await Loaded().Where(r => r.IsActive).OrderBy(r => r.Position).ThenBy(r => r.Id).Take(ReferralRuleInput.MaxRules).ToListAsync(ct));

    public async Task<Result<ReferralRuleDto>> CreateAsync(CreateReferralRuleRequest request, Actor actor, CancellationToken ct)
    {
        var values = ReferralRuleValues.Of(request);
        var check = await ReferralRuleInput.CheckAsync(db, values, null, new Validator(), ct);
        var result = await db.InTransactionAsync<Result<long>>(async () =>
        {
            var order = await OrderAsync(ct);
            if (request.Position is { } wanted && (wanted < 1 || wanted > order.Count + 1)) check.Add("position", $"Must be from 1 to {order.Count + 1}.");
            if (!check.IsValid) return check.ToError();
            if (order.Count >= ReferralRuleInput.MaxRules)
                return new ConflictError($"The referral matrix already has {ReferralRuleInput.MaxRules} rules, the most Rapport keeps.");

            var now = clock.GetUtcNow();
            var rule = new ReferralRule { Name = "", Conditions = "", CreatedAt = now, UpdatedAt = now };
            values.ApplyTo(rule);
            order.Insert((request.Position ?? order.Count + 1) - 1, rule);
            Renumber(order);
            db.ReferralRules.Add(rule);
            if (!await TrySaveAsync(ct)) return ReferralRuleInput.NameTaken;
            Record(actor, rule.Id, "created", AuditChanges.FromEntry(db.Entry(rule), nameof(ReferralRule.Id), nameof(ReferralRule.CreatedAt), nameof(ReferralRule.UpdatedAt)));
            await db.SaveChangesAsync(ct);
            return rule.Id;
        }, ct);
        return result.Succeeded ? await GetAsync(result.Value, ct) : result.Error!;
    }

    public async Task<Result<ReferralRuleDto>> UpdateAsync(long id, UpdateReferralRuleRequest request, Actor actor, CancellationToken ct)
    {
        var result = await db.InTransactionAsync<Result<long>>(async () =>
        {
            var order = await OrderAsync(ct);
            var rule = order.Find(r => r.Id == id);
            if (rule is null) return new ReferralRuleNotFound(id);
            var check = new Validator();
            if (request.IsActive is { IsSet: true, Value: null }) check.Add("isActive", "Must be true or false.");
            if (request.Position.IsSet && (request.Position.Value is not { } wanted || wanted < 1 || wanted > order.Count))
                check.Add("position", $"Must be from 1 to {order.Count}.");
            await ReferralRuleInput.CheckAsync(db, ReferralRuleValues.Of(request, rule), id, check, ct);
            if (!check.IsValid) return check.ToError();

            ReferralRuleValues.Of(request, rule).ApplyTo(rule);
            if (request.IsActive.IsSet) rule.IsActive = request.IsActive.Value!.Value;
            if (request.Position.IsSet)
            {
                order.Remove(rule);
                order.Insert(request.Position.Value!.Value - 1, rule);
                Renumber(order);
            }
            var changes = AuditChanges.FromEntry(db.Entry(rule), nameof(ReferralRule.UpdatedAt));
            if (changes.IsEmpty) return id;
            rule.UpdatedAt = clock.GetUtcNow();
            var action = changes.Fields.TryGetValue("isActive", out var active) ? (Equals(active.After, false) ? "deactivated" : "activated") : "updated";
            Record(actor, id, action, changes);
            return await TrySaveAsync(ct) ? id : ReferralRuleInput.NameTaken;
        }, ct);
        return result.Succeeded ? await GetAsync(id, ct) : result.Error!;
    }

    public async Task<Result<long>> DeleteAsync(long id, Actor actor, CancellationToken ct) =>
        await db.InTransactionAsync<Result<long>>(async () =>
        {
            var order = await OrderAsync(ct);
            var rule = order.Find(r => r.Id == id);
            if (rule is null) return new ReferralRuleNotFound(id);
            Record(actor, id, "deleted", new AuditChanges().Set("name", rule.Name, null).Set("conditions", rule.Conditions, null)
                .Set("teamId", rule.TeamId, null).Set("notifyRole", rule.NotifyRole, null).Set("position", rule.Position, null));
            order.Remove(rule);
            Renumber(order);
            db.ReferralRules.Remove(rule);
            await db.SaveChangesAsync(ct);
            return id;
        }, ct);

    private IQueryable<ReferralRule> Loaded() => db.ReferralRules.AsNoTracking().Include(r => r.Team);

    private async Task<List<ReferralRule>> OrderAsync(CancellationToken ct) =>
        await db.ReferralRules.OrderBy(r => r.Position).ThenBy(r => r.Id).Take(ReferralRuleInput.MaxRules + 1).ToListAsync(ct);

    private static void Renumber(List<ReferralRule> order)
    {
        for (var i = 0; i < order.Count; i++) order[i].Position = i + 1;
    }

    private void Record(Actor actor, long id, string action, AuditChanges changes) =>
        audit.Record(actor, "referral_rule", id.ToString(CultureInfo.InvariantCulture), action, changes);

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }
}
