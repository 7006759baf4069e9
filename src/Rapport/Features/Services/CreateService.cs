using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.ServiceLevels;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Services;

/// <summary>Adds a service to the offer, active, with a unique name (ignoring case).</summary>
public sealed class CreateService(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(CreateServiceRequest request, Actor actor, CancellationToken ct)
    {
        var position = request.Position ?? await NextPositionAsync(ct);
        var values = new ServiceValues(request.Name, request.Description, request.Included, request.Limits, request.Channels ?? [],
            request.CalendarId, request.FirstResponseMinutes, request.ResolutionMinutes, request.TeamId, position);
        var check = await ServiceInput.CheckAsync(db, values, null, new Validator(), ct);
        if (!check.IsValid) return check.ToError();
        if (await db.Services.CountAsync(ct) >= ServiceInput.MaxServices) return new CatalogueFull("services", ServiceInput.MaxServices);

        var now = clock.GetUtcNow();
        var service = new Service { Name = "", IsPublic = request.IsPublic ?? true, CreatedAt = now, UpdatedAt = now };
        values.ApplyTo(service);
        db.Services.Add(service);
        var changes = AuditChanges.FromEntry(db.Entry(service), nameof(Service.Id), nameof(Service.CreatedAt), nameof(Service.UpdatedAt))
            .Set("channels", null, ServiceInput.ChannelNames(values.Channels));
        return await db.CreateAsync(audit, actor, "service", () => service.Id, changes, ServiceInput.NameTaken, ct);
    }

    private async Task<int> NextPositionAsync(CancellationToken ct) =>
        Math.Min(ServiceInput.MaxPosition, (await db.Services.MaxAsync(s => (int?)s.Position, ct) ?? 0) + 1);
}
