using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.ServiceLevels;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Services;

/// <summary>
/// Changes a service, retires it (isActive false: old tickets keep it, nobody is offered it) or brings it back,
/// and audits each changed field.
/// </summary>
public sealed class UpdateService(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(long id, UpdateServiceRequest request, Actor actor, CancellationToken ct)
    {
        var service = await db.Services.Include(s => s.Channels).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (service is null) return new ServiceNotFound(id);

        var stored = ServiceValues.Of(service);
        var values = ServiceValues.Of(request, stored);
        var check = new Validator();
        if (request.IsPublic is { IsSet: true, Value: null }) check.Add("isPublic", "Must be true or false.");
        if (request.IsActive is { IsSet: true, Value: null }) check.Add("isActive", "Must be true or false.");
        await ServiceInput.CheckAsync(db, values, id, check, ct);
        if (!check.IsValid) return check.ToError();

        values.ApplyTo(service);
        if (request.IsPublic.IsSet) service.IsPublic = request.IsPublic.Value!.Value;
        if (request.IsActive.IsSet) service.IsActive = request.IsActive.Value!.Value;
        var changes = AuditChanges.FromEntry(db.Entry(service), nameof(Service.UpdatedAt))
            .Set("channels", ServiceInput.ChannelNames(stored.Channels), ServiceInput.ChannelNames(values.Channels));
        if (changes.IsEmpty) return id;

        service.UpdatedAt = clock.GetUtcNow();
        var action = CatalogueWrites.UpdateAction(changes, off: "retired", on: "reinstated");
        audit.Record(actor, "service", id.ToString(CultureInfo.InvariantCulture), action, changes);
        return await db.SaveAsync(id, ServiceInput.NameTaken, ct);
    }
}
