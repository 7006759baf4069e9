using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Policies;

/// <summary>Creates an active SLA policy at a position in the order policies are tried (last unless told), moving later ones down.</summary>
public sealed class CreateSlaPolicy(RapportDbContext db, AuditLog audit, TimeProvider clock, ActiveSlaPolicies policies)
{
    public Task<Result<long>> ExecuteAsync(CreateSlaPolicyRequest request, Actor actor, CancellationToken ct) => policies.AfterChangeAsync(ChangeAsync(request, actor, ct));

    private async Task<Result<long>> ChangeAsync(CreateSlaPolicyRequest request, Actor actor, CancellationToken ct)
    {
        var values = SlaPolicyValues.Of(request);
        var check = await SlaPolicyInput.CheckAsync(db, values, null, new Validator(), ct);
        var order = await SlaPolicyOrder.LoadAsync(db, ct);
        if (request.Position is { } wanted && (wanted < 1 || wanted > order.Count + 1))
            check.Add("position", $"Must be from 1 to {order.Count + 1}.");
        if (!check.IsValid) return check.ToError();
        if (order.Count >= SlaPolicyInput.MaxPolicies) return new CatalogueFull("SLA policies", SlaPolicyInput.MaxPolicies);

        var now = clock.GetUtcNow();
        var policy = new SlaPolicy { Name = "", Conditions = "", CreatedAt = now, UpdatedAt = now };
        values.ApplyTo(policy);
        order.Insert((request.Position ?? order.Count + 1) - 1, policy);
        SlaPolicyOrder.Renumber(order);
        db.SlaPolicies.Add(policy);
        var changes = AuditChanges.FromEntry(db.Entry(policy), nameof(SlaPolicy.Id), nameof(SlaPolicy.CreatedAt), nameof(SlaPolicy.UpdatedAt))
            .Set("targets", null, values.DescribeTargets());
        return await db.CreateAsync(audit, actor, "sla_policy", () => policy.Id, changes, SlaPolicyInput.NameTaken, ct);
    }
}

/// <summary>Policies are tried in order of position, numbered 1, 2, 3… with no gaps, active or not.</summary>
internal static class SlaPolicyOrder
{
    public static async Task<List<SlaPolicy>> LoadAsync(RapportDbContext db, CancellationToken ct) =>
        await db.SlaPolicies.OrderBy(p => p.Position).ThenBy(p => p.Id).Take(SlaPolicyInput.MaxPolicies + 1).ToListAsync(ct);

    public static void Renumber(List<SlaPolicy> order)
    {
        for (var i = 0; i < order.Count; i++) order[i].Position = i + 1;
    }
}
