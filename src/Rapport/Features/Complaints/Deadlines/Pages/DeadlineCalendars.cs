using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Tickets;

namespace Rapport.Features.Complaints.Deadlines.Pages;

internal static class DeadlineCalendars
{
    /// <summary>The business-hours calendars a rule can count in, by name.</summary>
    public static Task<List<NamedRef>> ListAsync(RapportDbContext db, CancellationToken ct) =>
        db.Calendars.AsNoTracking().OrderBy(c => c.Name).Select(c => new NamedRef(c.Id, c.Name)).ToListAsync(ct);
}
