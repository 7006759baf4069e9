using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Audit;

public sealed record AuditEventDto(long Id, DateTimeOffset At, Guid? ActorUserId, string ActorName, string EntityType,
    string EntityId, string Action, JsonElement Changes);

/// <summary>Pages through audit events in the order they happened.</summary>
public static class AuditTrail
{
    /// <summary>The events of one record, such as ("calendar", 4); served by the (EntityType, EntityId, Id) index.</summary>
    public static IQueryable<AuditEvent> ForEntity(this IQueryable<AuditEvent> events, string entityType, long id)
    {
        var entityId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return events.Where(a => a.EntityType == entityType && a.EntityId == entityId);
    }

    public static async Task<Result<Page<AuditEventDto>>> PageAsync(IQueryable<AuditEvent> events, int? limit, string? cursorText, CancellationToken ct)
    {
        var check = new Validator();
        PageLimits.Check(limit, check);
        if (!check.IsValid) return check.ToError();
        if (cursorText is not null)
        {
            if (!Cursor.TryDecode(cursorText, out var cursor)) return ValidationError.For("cursor", PageLimits.UnknownCursor);
            events = events.Where(a => a.Id > cursor.Id);
        }
        var take = PageLimits.Clamp(limit ?? PageLimits.Max);
        var rows = await events.AsNoTracking().OrderBy(a => a.Id).Take(take + 1).ToListAsync(ct);
        var next = rows.Count > take ? new Cursor(0, rows[take - 1].Id).Encode() : null;
        return new Page<AuditEventDto>(rows.Take(take).Select(ToDto).ToList(), next);
    }

    private static AuditEventDto ToDto(AuditEvent a) => new(a.Id, a.At, a.ActorUserId, a.ActorName, a.EntityType, a.EntityId, a.Action,
        JsonDocument.Parse(a.Changes).RootElement.Clone());
}
