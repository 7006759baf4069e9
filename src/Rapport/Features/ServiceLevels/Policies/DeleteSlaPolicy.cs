using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Policies;

/// <summary>Deletes a policy no ticket was ever put under; the policies after it move up one place.</summary>
public sealed class DeleteSlaPolicy(RapportDbContext db, AuditLog audit, ActiveSlaPolicies policies)
{
    public Task<Result<long>> ExecuteAsync(long id, Actor actor, CancellationToken ct) => policies.AfterChangeAsync(ChangeAsync(id, actor, ct));

    private async Task<Result<long>> ChangeAsync(long id, Actor actor, CancellationToken ct)
    {
        return await db.InTransactionAsync<Result<long>>(async () =>
        {
            var order = await SlaPolicyOrder.LoadAsync(db, ct);
            var policy = order.Find(p => p.Id == id);
            if (policy is null) return new SlaPolicyNotFound(id);
            if (await InUseAsync(id, ct)) return new SlaPolicyInUse(policy.Name);

            await db.Entry(policy).Collection(p => p.Targets).LoadAsync(ct);
            var gone = new AuditChanges().Set("name", policy.Name, null).Set("conditions", policy.Conditions, null)
                .Set("calendarId", policy.CalendarId, null).Set("position", policy.Position, null)
                .Set("targets", SlaPolicyValues.Of(policy).DescribeTargets(), null);
            order.Remove(policy);
            SlaPolicyOrder.Renumber(order);
            db.SlaPolicies.Remove(policy);
            audit.Record(actor, "sla_policy", id.ToString(CultureInfo.InvariantCulture), "deleted", gone);
            try
            {
                await db.SaveChangesAsync(ct);
                return id;
            }
            catch (DbUpdateException)
            {
                // Only a reference can stop this delete: a ticket was put under the policy after the check above.
                return new SlaPolicyInUse(policy.Name);
            }
        }, ct);
    }

    private async Task<bool> InUseAsync(long id, CancellationToken ct) =>
        await db.Tickets.AnyAsync(t => t.SlaPolicyId == id, ct) || await db.TicketSlaClocks.AnyAsync(c => c.PolicyId == id, ct);
}
