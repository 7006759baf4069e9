using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Routing;

/// <summary>
/// An agent says whether they take new work: available, away or offline. They change it
/// themselves; their team lead, a manager or an admin may change it for them.
/// </summary>
public sealed class SetAvailability(RapportDbContext db, RoutingAccess access, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<AvailabilityDto>> ExecuteAsync(Guid userId, SetAvailabilityRequest request, Actor actor, CancellationToken ct)
    {
        if (actor.UserId != userId && !await access.SupervisesAsync(actor, userId, ct)) return RoutingAccess.NotYourTeam;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.Role != Role.Customer, ct);
        if (user is null) return new UserNotFound(userId);
        if (request.Availability is not { } availability) return ValidationError.For("availability", "This field is required.");
        if (user.Availability == availability) return new AvailabilityDto(userId, availability);

        audit.Record(actor, "user", userId.ToString(), "availability_changed", new AuditChanges().Set("availability", user.Availability, availability));
        user.Availability = availability;
        user.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new UserChangedConcurrently(userId);
        }
        return new AvailabilityDto(userId, availability);
    }
}
