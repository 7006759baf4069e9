using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

public sealed record CreateOrganisationRequest(string? Name, bool? SharesTickets, string? Notes, string?[]? Domains);

/// <summary>
/// Records a client organisation. Its mail domains decide which new customers join it, and
/// sharing tickets lets its members read each other's tickets, so both are audited.
/// </summary>
public sealed class CreateOrganisation(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(CreateOrganisationRequest request, Actor actor, CancellationToken ct)
    {
        if (!OrganisationInput.MayChange(actor)) return OrganisationInput.Refused;
        var check = new Validator()
            .Required("name", request.Name, CustomerLimits.NameLength)
            .Text("notes", request.Notes, CustomerLimits.NotesLength, multiline: true);
        var domains = OrganisationInput.Domains(request.Domains ?? [], check);
        if (!check.IsValid) return check.ToError();
        if (await OrganisationInput.FirstTakenAsync(db, domains, owner: 0, ct) is { } taken) return new DomainTaken(taken);

        var now = clock.GetUtcNow();
        var organisation = new Organisation
        {
            Name = request.Name!.Trim(),
            SharesTickets = request.SharesTickets ?? false,
            Notes = CustomerInput.OptionalText(request.Notes),
            Domains = [.. domains.Select(d => new OrganisationDomain { Domain = d })],
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                db.Organisations.Add(organisation);
                // Read while the entry is still Added: after saving, the tracker no longer sees these values as new.
                var changes = AuditChanges.FromEntry(db.Entry(organisation), nameof(Organisation.Id), nameof(Organisation.CreatedAt), nameof(Organisation.UpdatedAt));
                if (domains.Count > 0) changes.Set("domains", null, domains);
                await db.SaveChangesAsync(ct);
                audit.Record(actor, "organisation", organisation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", changes);
                await db.SaveChangesAsync(ct);
                return (Result<long>)organisation.Id;
            }, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return new UniqueValueTaken("One of these domains");
        }
    }
}
