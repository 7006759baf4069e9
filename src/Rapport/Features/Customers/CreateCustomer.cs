using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

public sealed record CreateCustomerRequest(
    CustomerKind? Kind,
    string? Name,
    string? Department,
    long? OrganisationId,
    string?[]? Emails,
    PhoneInput?[]? Phones,
    Channel? PreferredChannel,
    string? PreferredLanguage,
    string? CommunicationNeeds,
    string? NeedsAndExpectations);

/// <summary>
/// Records a customer a member of staff has met: an external customer or a colleague (internal).
/// Without an organisation, the first address whose domain an organisation owns joins it, as
/// customers found from incoming mail do. An address already on another customer is a conflict:
/// one address, one person, or replies would reach the wrong record.
/// </summary>
public sealed class CreateCustomer(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(CreateCustomerRequest request, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff can create customer records.");
        var check = new Validator()
            .Required("name", request.Name, CustomerLimits.NameLength)
            .Text("department", request.Department, CustomerLimits.NameLength)
            .Text("communicationNeeds", request.CommunicationNeeds, CustomerLimits.NotesLength, multiline: true)
            .Text("needsAndExpectations", request.NeedsAndExpectations, CustomerLimits.NotesLength, multiline: true);
        var kind = request.Kind ?? CustomerKind.External;
        var department = CustomerInput.OptionalText(request.Department);
        CustomerInput.Department(kind, department, check);
        var emails = CustomerInput.Emails(request.Emails ?? [], check);
        var phones = CustomerInput.Phones(request.Phones ?? [], check);
        var language = CustomerInput.Language(request.PreferredLanguage, check);
        CustomerInput.Channel(request.PreferredChannel, check);
        await CustomerInput.OrganisationExistsAsync(db, request.OrganisationId, check, ct);
        if (!check.IsValid) return check.ToError();
        if (await CustomerInput.FirstTakenAsync(db, emails, owner: 0, ct) is { } taken) return new EmailTaken(taken);

        var now = clock.GetUtcNow();
        var customer = new Customer
        {
            Kind = kind,
            Name = request.Name!.Trim(),
            Department = department,
            OrganisationId = request.OrganisationId ?? await OrganisationByDomainAsync(emails, ct),
            Emails = [.. emails.Select((address, i) => new CustomerEmail { Address = address, IsPrimary = i == 0 })],
            Phones = phones,
            PreferredChannel = request.PreferredChannel,
            PreferredLanguage = language,
            CommunicationNeeds = CustomerInput.OptionalText(request.CommunicationNeeds),
            NeedsAndExpectations = CustomerInput.OptionalText(request.NeedsAndExpectations),
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                db.Customers.Add(customer);
                // Read while the entry is still Added: after saving, the tracker no longer sees these values as new.
                var changes = AuditChanges.FromEntry(db.Entry(customer), nameof(Customer.Id), nameof(Customer.CreatedAt), nameof(Customer.UpdatedAt));
                if (emails.Count > 0) changes.Set("emails", null, emails).Set("primaryEmail", null, emails[0]);
                if (phones.Count > 0) changes.Set("phones", null, phones.Select(CustomerInput.Describe));
                await db.SaveChangesAsync(ct);
                audit.Record(actor, "customer", customer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created", changes,
                    customerId: customer.Id);
                await db.SaveChangesAsync(ct);
                return (Result<long>)customer.Id;
            }, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return new UniqueValueTaken("One of these email addresses");
        }
    }

    private async Task<long?> OrganisationByDomainAsync(List<string> emails, CancellationToken ct)
    {
        if (emails.Count == 0) return null;
        var domains = emails.Select(EmailAddress.Domain).Distinct().ToList();
        var owners = await db.OrganisationDomains.Where(d => domains.Contains(d.Domain))
            .Select(d => new { d.Domain, d.OrganisationId }).ToListAsync(ct);
        // The earliest address decides, so the primary address's organisation wins over a secondary one's.
        return domains.Select(domain => owners.FirstOrDefault(o => o.Domain == domain)?.OrganisationId).FirstOrDefault(id => id is not null);
    }
}
