using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Services;

/// <summary>The offer as staff see it: every service in catalogue order (position, then name), retired ones too unless filtered.</summary>
public sealed class ReadServices(RapportDbContext db)
{
    public async Task<List<ServiceDto>> ListAsync(bool? active, CancellationToken ct)
    {
        var services = Loaded();
        if (active is { } isActive) services = services.Where(s => s.IsActive == isActive);
        var rows = await services.OrderBy(s => s.Position).ThenBy(s => s.Name).ThenBy(s => s.Id).Take(ServiceInput.MaxServices).ToListAsync(ct);
        return [.. rows.Select(ServiceDto.From)];
    }

    public async Task<Result<ServiceDto>> GetAsync(long id, CancellationToken ct)
    {
        var service = await Loaded().SingleOrDefaultAsync(s => s.Id == id, ct);
        return service is null ? new ServiceNotFound(id) : ServiceDto.From(service);
    }

    /// <summary>Active services, names and ids only, in catalogue order: for choosing a ticket's service.</summary>
    public async Task<List<ServiceRef>> ChoicesAsync(CancellationToken ct) =>
        await db.Services.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Position).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .Take(ServiceInput.MaxServices).Select(s => new ServiceRef(s.Id, s.Name)).ToListAsync(ct);

    private IQueryable<Service> Loaded() =>
        db.Services.AsNoTracking().AsSplitQuery().Include(s => s.Channels).Include(s => s.Calendar).Include(s => s.Team);
}
