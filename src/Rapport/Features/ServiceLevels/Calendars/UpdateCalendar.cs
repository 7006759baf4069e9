using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

using Rapport.Features.ServiceLevels.Policies;

namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>
/// Renames a calendar or changes its zone, hours or holidays, and audits each changed field. The calendar is
/// checked as a whole, as it would be after the change. Clocks already running keep the due times they have until
/// their ticket next changes.
/// </summary>
public sealed class UpdateCalendar(RapportDbContext db, AuditLog audit, TimeProvider clock, ActiveSlaPolicies policies)
{
    public Task<Result<long>> ExecuteAsync(long id, UpdateCalendarRequest request, Actor actor, CancellationToken ct) => policies.AfterChangeAsync(ChangeAsync(id, request, actor, ct));

    private async Task<Result<long>> ChangeAsync(long id, UpdateCalendarRequest request, Actor actor, CancellationToken ct)
    {
        var stored = await db.Calendars.Include(c => c.Holidays).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (stored is null) return new CalendarNotFound(id);

        var check = new Validator();
        if (request.Name.IsSet) check.Required("name", request.Name.Value, CalendarInput.NameLength);
        var hours = request.WeeklyHours.IsSet
            ? WeeklyHoursJson.Read(request.WeeklyHours.Value, "weeklyHours", check)
            : WeeklyHoursJson.FromJson(stored.WeeklyHours);
        var oldHolidays = CalendarInput.Stored(stored);
        var holidays = request.Holidays.IsSet ? CalendarInput.Holidays(request.Holidays.Value, check) : oldHolidays;
        var calendar = CalendarInput.Check(request.TimeZone.IsSet ? request.TimeZone.Value : stored.TimeZone, hours, holidays, check);
        if (check.IsValid && request.Name.IsSet) await CalendarInput.CheckNameAsync(db, request.Name.Value!, id, check, ct);
        if (!check.IsValid) return check.ToError();

        if (request.Name.IsSet) stored.Name = request.Name.Value!.Trim();
        stored.TimeZone = calendar!.TimeZone;
        stored.WeeklyHours = WeeklyHoursJson.ToJson(calendar.WeeklyHours);
        var changes = AuditChanges.FromEntry(db.Entry(stored), nameof(ServiceCalendar.UpdatedAt))
            .Set("holidays", CalendarInput.Describe(oldHolidays), CalendarInput.Describe(calendar.Holidays));
        if (changes.IsEmpty) return id;

        ReplaceHolidays(stored, calendar.Holidays);
        stored.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, "calendar", id.ToString(CultureInfo.InvariantCulture), "updated", changes);
        return await db.SaveAsync(id, CalendarInput.NameTaken, ct);
    }

    // A holiday on a date already listed is changed in place, so the (calendar, date) index never sees two at once.
    private void ReplaceHolidays(ServiceCalendar stored, IReadOnlyList<Holiday> holidays)
    {
        var byDate = holidays.ToDictionary(h => h.Date);
        db.RemoveRange(stored.Holidays.Where(h => !byDate.ContainsKey(h.Date)).ToList());
        foreach (var kept in stored.Holidays.Where(h => byDate.ContainsKey(h.Date)))
            (kept.Name, kept.RepeatsYearly) = (byDate[kept.Date].Name, byDate[kept.Date].RepeatsYearly);
        var known = stored.Holidays.Select(h => h.Date).ToHashSet();
        stored.Holidays.AddRange(holidays.Where(h => !known.Contains(h.Date))
            .Select(h => new CalendarHoliday { Date = h.Date, Name = h.Name, RepeatsYearly = h.RepeatsYearly }));
    }
}
