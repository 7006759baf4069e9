using System.Globalization;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Policies;

/// <summary>Moves a policy to a position in the order policies are tried (1 = first); those between shift by one.</summary>
public sealed class MoveSlaPolicy(RapportDbContext db, AuditLog audit, TimeProvider clock, ActiveSlaPolicies policies)
{
    public Task<Result<long>> ExecuteAsync(long id, MoveSlaPolicyRequest request, Actor actor, CancellationToken ct) => policies.AfterChangeAsync(ChangeAsync(id, request, actor, ct));

    private async Task<Result<long>> ChangeAsync(long id, MoveSlaPolicyRequest request, Actor actor, CancellationToken ct)
    {
        return await db.InTransactionAsync<Result<long>>(async () =>
        {
            var order = await SlaPolicyOrder.LoadAsync(db, ct);
            var policy = order.Find(p => p.Id == id);
            if (policy is null) return new SlaPolicyNotFound(id);
            if (request.Position is not { } position || position < 1 || position > order.Count)
                return ValidationError.For("position", $"Must be from 1 to {order.Count}.");

            var before = policy.Position;
            order.Remove(policy);
            order.Insert(position - 1, policy);
            SlaPolicyOrder.Renumber(order);
            if (policy.Position == before) return id;

            policy.UpdatedAt = clock.GetUtcNow();
            audit.Record(actor, "sla_policy", id.ToString(CultureInfo.InvariantCulture), "moved",
                new AuditChanges().Set("position", before, policy.Position));
            await db.SaveChangesAsync(ct);
            return id;
        }, ct);
    }
}
