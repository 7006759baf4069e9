using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.ServiceLevels.Calendars;

/// <summary>Calendars for staff: the whole catalogue by name (it is small and bounded), and one calendar.</summary>
public sealed class ReadCalendars(RapportDbContext db)
{
    public async Task<List<CalendarDto>> ListAsync(CancellationToken ct)
    {
        var calendars = await db.Calendars.AsNoTracking().Include(c => c.Holidays)
            .OrderBy(c => c.Name).ThenBy(c => c.Id).Take(CalendarInput.MaxCalendars).ToListAsync(ct);
        return [.. calendars.Select(CalendarDto.From)];
    }

    /// <summary>Names and ids only, for choosing a calendar in a form.</summary>
    public async Task<List<CalendarRef>> ChoicesAsync(CancellationToken ct) =>
        await db.Calendars.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id).Take(CalendarInput.MaxCalendars)
            .Select(c => new CalendarRef(c.Id, c.Name)).ToListAsync(ct);

    public async Task<Result<CalendarDto>> GetAsync(long id, CancellationToken ct)
    {
        var calendar = await db.Calendars.AsNoTracking().Include(c => c.Holidays).SingleOrDefaultAsync(c => c.Id == id, ct);
        return calendar is null ? new CalendarNotFound(id) : CalendarDto.From(calendar);
    }
}
