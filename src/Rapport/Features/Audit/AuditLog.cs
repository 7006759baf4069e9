using Rapport.Data;
using Rapport.Features.Access;

namespace Rapport.Features.Audit;

/// <summary>
/// Adds audit events to the unit of work, so they are written in the same transaction as the
/// change they describe. Use cases call it explicitly; nothing is recorded behind their back.
/// </summary>
public sealed class AuditLog(RapportDbContext db, TimeProvider clock)
{
    public void Record(Actor actor, string entityType, string entityId, string action, AuditChanges changes,
        long? ticketNumber = null, long? customerId = null)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            At = clock.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            TicketNumber = ticketNumber,
            CustomerId = customerId,
            Changes = changes.ToJson(),
        });
    }
}
