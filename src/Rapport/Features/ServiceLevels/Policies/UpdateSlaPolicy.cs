using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Policies;

/// <summary>
/// Changes a policy, deactivates it (isActive false: new tickets no longer get it) or reactivates it, and audits
/// each changed field. Tickets already under it keep their clocks.
/// </summary>
public sealed class UpdateSlaPolicy(RapportDbContext db, AuditLog audit, TimeProvider clock, ActiveSlaPolicies policies)
{
    public Task<Result<long>> ExecuteAsync(long id, UpdateSlaPolicyRequest request, Actor actor, CancellationToken ct) => policies.AfterChangeAsync(ChangeAsync(id, request, actor, ct));

    private async Task<Result<long>> ChangeAsync(long id, UpdateSlaPolicyRequest request, Actor actor, CancellationToken ct)
    {
        var policy = await db.SlaPolicies.Include(p => p.Targets).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null) return new SlaPolicyNotFound(id);

        var stored = SlaPolicyValues.Of(policy);
        var values = SlaPolicyValues.Of(request, stored);
        var check = new Validator();
        if (request.IsActive is { IsSet: true, Value: null }) check.Add("isActive", "Must be true or false.");
        await SlaPolicyInput.CheckAsync(db, values, id, check, ct);
        if (!check.IsValid) return check.ToError();

        values.ApplyTo(policy);
        if (request.IsActive.IsSet) policy.IsActive = request.IsActive.Value!.Value;
        var changes = AuditChanges.FromEntry(db.Entry(policy), nameof(SlaPolicy.UpdatedAt))
            .Set("targets", stored.DescribeTargets(), values.DescribeTargets());
        if (changes.IsEmpty) return id;

        policy.UpdatedAt = clock.GetUtcNow();
        var action = CatalogueWrites.UpdateAction(changes, off: "deactivated", on: "activated");
        audit.Record(actor, "sla_policy", id.ToString(CultureInfo.InvariantCulture), action, changes);
        return await db.SaveAsync(id, SlaPolicyInput.NameTaken, ct);
    }
}
