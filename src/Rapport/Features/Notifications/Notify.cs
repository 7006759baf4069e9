using Rapport.Data;

namespace Rapport.Features.Notifications;

/// <summary>
/// Adds notifications to the caller's unit of work, so they are written with the change they
/// announce (a referral without its notice, or a notice of a referral that was rolled back,
/// cannot happen). The actor is never notified of their own action.
/// </summary>
public sealed class Notify(RapportDbContext db, TimeProvider clock)
{
    public const int TextLength = 500;

    public void People(IEnumerable<Guid> userIds, string kind, string text, long? ticketNumber, Guid? actor)
    {
        var now = clock.GetUtcNow();
        var trimmed = text.Length <= TextLength ? text : text[..(TextLength - 1)] + "…";
        foreach (var userId in userIds.Distinct().Where(id => id != actor))
            db.Notifications.Add(new Notification { UserId = userId, Kind = kind, TicketNumber = ticketNumber, Text = trimmed, CreatedAt = now });
    }
}
