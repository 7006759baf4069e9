using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

/// <summary>A partial update: only the fields present change; domains, when present, replace the list.</summary>
public sealed record UpdateOrganisationRequest(
    Optional<string> Name,
    Optional<bool?> SharesTickets,
    Optional<string> Notes,
    Optional<string?[]> Domains);

/// <summary>
/// Changes an organisation and audits each changed field. New domains apply to customers created
/// from now on; existing customers keep their organisation until staff move them.
/// </summary>
public sealed class UpdateOrganisation(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(long id, UpdateOrganisationRequest request, Actor actor, CancellationToken ct)
    {
        if (!OrganisationInput.MayChange(actor)) return OrganisationInput.Refused;
        var organisation = await db.Organisations.Include(o => o.Domains).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organisation is null) return new OrganisationNotFound(id);

        var check = new Validator().Text("notes", request.Notes.Value, CustomerLimits.NotesLength, multiline: true);
        if (request.Name.IsSet) check.Required("name", request.Name.Value, CustomerLimits.NameLength);
        if (request.SharesTickets is { IsSet: true, Value: null }) check.Add("sharesTickets", "Must be true or false.");
        var domains = request.Domains.IsSet ? OrganisationInput.Domains(request.Domains.Value ?? [], check) : null;
        if (!check.IsValid) return check.ToError();
        if (domains is not null && await OrganisationInput.FirstTakenAsync(db, domains, owner: id, ct) is { } taken) return new DomainTaken(taken);

        if (request.Name.IsSet) organisation.Name = request.Name.Value!.Trim();
        if (request.SharesTickets.IsSet) organisation.SharesTickets = request.SharesTickets.Value!.Value;
        if (request.Notes.IsSet) organisation.Notes = CustomerInput.OptionalText(request.Notes.Value);
        var changes = AuditChanges.FromEntry(db.Entry(organisation), nameof(Organisation.UpdatedAt));
        var oldDomains = organisation.Domains.Select(d => d.Domain).Order(StringComparer.Ordinal).ToList();
        var replaceDomains = domains is not null && !domains.SequenceEqual(oldDomains);
        if (replaceDomains) changes.Set("domains", oldDomains, domains);
        if (changes.IsEmpty) return id;

        if (replaceDomains)
        {
            db.OrganisationDomains.RemoveRange(organisation.Domains.Where(d => !domains!.Contains(d.Domain)).ToList());
            organisation.Domains.AddRange(domains!.Where(d => !oldDomains.Contains(d)).Select(d => new OrganisationDomain { Domain = d }));
        }
        organisation.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, "organisation", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "updated", changes);
        try
        {
            await db.SaveChangesAsync(ct);
            return id;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return new UniqueValueTaken("One of these domains");
        }
    }
}
