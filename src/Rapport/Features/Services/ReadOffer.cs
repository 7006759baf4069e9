using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.ServiceLevels;
using Rapport.Features.ServiceLevels.Calendars;

namespace Rapport.Features.Services;

/// <summary>
/// The published offer, as customers and the public read it: public, active services in catalogue order, with
/// hours and promises in words. Nothing internal (teams, calendar ids) leaves through it.
/// </summary>
public sealed class ReadOffer(RapportDbContext db)
{
    public async Task<List<OfferedServiceDto>> ExecuteAsync(CancellationToken ct)
    {
        var services = await db.Services.AsNoTracking().AsSplitQuery()
            .Include(s => s.Channels).Include(s => s.Calendar).ThenInclude(c => c!.Holidays)
            .Where(s => s.IsActive && s.IsPublic)
            .OrderBy(s => s.Position).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .Take(ServiceInput.MaxServices)
            .ToListAsync(ct);
        return [.. services.Select(Describe)];
    }

    /// <summary>A service in the words of the offer; it must be loaded with its channels and its calendar's holidays.</summary>
    public static OfferedServiceDto Describe(Service service)
    {
        var calendar = service.Calendar?.ToBusinessCalendar();
        var working = calendar is not null;
        return new OfferedServiceDto(
            service.Id, service.Name, service.Description, service.Included, service.Limits,
            [.. service.Channels.Select(c => c.Channel).Order()],
            OpeningHoursText.Summary(calendar ?? BusinessCalendar.TwentyFourSeven),
            calendar?.TimeZone,
            service.FirstResponseMinutes is { } first ? PromisedTimeText.Within(first, working) : null,
            service.ResolutionMinutes is { } resolution ? PromisedTimeText.Within(resolution, working) : null);
    }
}
