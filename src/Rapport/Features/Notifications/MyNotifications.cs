using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Notifications;

public sealed record NotificationDto(long Id, string Kind, long? TicketNumber, string Text, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>A person's own notifications: newest first, how many are unread, and marking them read.</summary>
public sealed class MyNotifications(RapportDbContext db, TimeProvider clock)
{
    /// <summary>The badge stops counting here.</summary>
    public const int CountCap = 100;

    public async Task<Result<Page<NotificationDto>>> ListAsync(Actor actor, bool unreadOnly, int? limit, string? cursorText, CancellationToken ct)
    {
        var check = new Validator();
        PageLimits.Check(limit, check);
        Cursor? after = null;
        if (cursorText is not null)
        {
            if (Cursor.TryDecode(cursorText, out var cursor)) after = cursor;
            else check.Add("cursor", PageLimits.UnknownCursor);
        }
        if (!check.IsValid) return check.ToError();

        var query = Mine(actor);
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        if (after is { } c) query = query.Where(n => n.Id < c.Id);
        var take = PageLimits.Clamp(limit);
        var rows = await query.OrderByDescending(n => n.Id).Take(take + 1)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.TicketNumber, n.Text, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        var next = rows.Count > take ? new Cursor(0, rows[take - 1].Id).Encode() : null;
        return new Page<NotificationDto>(rows.Take(take).ToList(), next);
    }

    public Task<int> UnreadCountAsync(Actor actor, CancellationToken ct) =>
        Mine(actor).Where(n => n.ReadAt == null).Select(n => n.Id).Take(CountCap).CountAsync(ct);

    /// <summary>Marks one notification read and says which ticket it was about; another person's is "not found".</summary>
    public async Task<Result<long?>> ReadAsync(long id, Actor actor, CancellationToken ct)
    {
        var notification = await Mine(actor).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null) return new NotFoundError("You have no notification with this id.");
        notification.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return notification.TicketNumber;
    }

    public async Task<int> ReadAllAsync(Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await Mine(actor).Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    private IQueryable<Notification> Mine(Actor actor) => db.Notifications.Where(n => n.UserId == actor.UserId);
}
