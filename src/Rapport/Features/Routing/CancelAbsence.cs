using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;

namespace Rapport.Features.Routing;

/// <summary>
/// Cancels an absence that has not ended: the agent can receive work again at once. Tickets
/// already redistributed stay with their new owners. Cancelling twice changes nothing.
/// </summary>
public sealed class CancelAbsence(RapportDbContext db, RoutingAccess access, AuditLog audit, TimeProvider clock)
{
    public async Task<Infrastructure.Problems.Result<long>> ExecuteAsync(long id, Actor actor, CancellationToken ct)
    {
        var absence = await db.Absences.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (absence is null) return new AbsenceNotFound(id);
        if (!await access.SupervisesAsync(actor, absence.UserId, ct)) return RoutingAccess.NotYourTeam;
        if (absence.CancelledAt is not null) return id;
        var now = clock.GetUtcNow();
        if (absence.EndsAt <= now) return new AbsenceOver(id);

        absence.CancelledAt = now;
        absence.CancelledById = actor.UserId;
        audit.Record(actor, "absence", id.ToString(CultureInfo.InvariantCulture), "cancelled", new AuditChanges().Set("cancelledAt", null, now));
        await db.SaveChangesAsync(ct);
        return id;
    }
}
