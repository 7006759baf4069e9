using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

using Rapport.Features.ServiceLevels.Policies;

namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>Deletes a calendar nothing uses: no service, no SLA policy and no ticket's clock.</summary>
public sealed class DeleteCalendar(RapportDbContext db, AuditLog audit, ActiveSlaPolicies policies)
{
    public Task<Result<long>> ExecuteAsync(long id, Actor actor, CancellationToken ct) => policies.AfterChangeAsync(ChangeAsync(id, actor, ct));

    private async Task<Result<long>> ChangeAsync(long id, Actor actor, CancellationToken ct)
    {
        var calendar = await db.Calendars.Include(c => c.Holidays).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (calendar is null) return new CalendarNotFound(id);
        if (await UsersAsync(id, ct) is { } users) return new CalendarInUse(calendar.Name, users);

        var changes = new AuditChanges().Set("name", calendar.Name, null).Set("timeZone", calendar.TimeZone, null)
            .Set("weeklyHours", calendar.WeeklyHours, null).Set("holidays", CalendarInput.Describe(CalendarInput.Stored(calendar)), null);
        db.Calendars.Remove(calendar);
        audit.Record(actor, "calendar", id.ToString(CultureInfo.InvariantCulture), "deleted", changes);
        try
        {
            await db.SaveChangesAsync(ct);
            return id;
        }
        catch (DbUpdateException)
        {
            // Only a reference can stop this delete: one was added after the check above.
            return new CalendarInUse(calendar.Name, await UsersAsync(id, ct) ?? "others");
        }
    }

    /// <summary>"2 services and 1 SLA policy", or null when nothing uses the calendar.</summary>
    private async Task<string?> UsersAsync(long id, CancellationToken ct)
    {
        var services = await db.Services.CountAsync(s => s.CalendarId == id, ct);
        var policies = await db.SlaPolicies.CountAsync(p => p.CalendarId == id, ct);
        // Clocks copy their policy's calendar when they start, so they can outlive the policy's choice.
        var clocks = await db.TicketSlaClocks.AnyAsync(c => c.CalendarId == id && c.StoppedAt == null, ct);
        List<string> users =
        [
            .. services > 0 ? [services == 1 ? "1 service" : $"{services} services"] : Array.Empty<string>(),
            .. policies > 0 ? [policies == 1 ? "1 SLA policy" : $"{policies} SLA policies"] : Array.Empty<string>(),
            .. clocks ? ["running ticket clocks"] : Array.Empty<string>(),
        ];
        return users.Count == 0 ? null : string.Join(" and ", users);
    }
}
