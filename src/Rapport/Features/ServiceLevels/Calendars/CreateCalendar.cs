using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

using Rapport.Features.ServiceLevels.Policies;

namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>Creates a business-hours calendar with a unique name (ignoring case), its weekly hours and holidays.</summary>
public sealed class CreateCalendar(RapportDbContext db, AuditLog audit, TimeProvider clock, ActiveSlaPolicies policies)
{
    public Task<Result<long>> ExecuteAsync(CreateCalendarRequest request, Actor actor, CancellationToken ct) => policies.AfterChangeAsync(ChangeAsync(request, actor, ct));

    private async Task<Result<long>> ChangeAsync(CreateCalendarRequest request, Actor actor, CancellationToken ct)
    {
        var check = new Validator().Required("name", request.Name, CalendarInput.NameLength);
        var hours = WeeklyHoursJson.Read(request.WeeklyHours, "weeklyHours", check);
        var calendar = CalendarInput.Check(request.TimeZone, hours, CalendarInput.Holidays(request.Holidays, check), check);
        if (check.IsValid) await CalendarInput.CheckNameAsync(db, request.Name!, null, check, ct);
        if (!check.IsValid) return check.ToError();
        if (await db.Calendars.CountAsync(ct) >= CalendarInput.MaxCalendars) return new CatalogueFull("calendars", CalendarInput.MaxCalendars);

        var now = clock.GetUtcNow();
        var stored = new ServiceCalendar
        {
            Name = request.Name!.Trim(),
            TimeZone = calendar!.TimeZone,
            WeeklyHours = WeeklyHoursJson.ToJson(calendar.WeeklyHours),
            Holidays = [.. calendar.Holidays.Select(h => new CalendarHoliday { Date = h.Date, Name = h.Name, RepeatsYearly = h.RepeatsYearly })],
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Calendars.Add(stored);
        var changes = AuditChanges.FromEntry(db.Entry(stored), nameof(ServiceCalendar.Id), nameof(ServiceCalendar.CreatedAt), nameof(ServiceCalendar.UpdatedAt))
            .Set("holidays", null, CalendarInput.Describe(calendar.Holidays));
        return await db.CreateAsync(audit, actor, "calendar", () => stored.Id, changes, CalendarInput.NameTaken, ct);
    }
}
