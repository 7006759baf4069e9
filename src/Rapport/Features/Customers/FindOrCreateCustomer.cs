using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

/// <summary>
/// Finds the customer who owns an email address, or creates one. A new address whose domain
/// belongs to an organisation joins that organisation.
/// </summary>
public sealed class FindOrCreateCustomer(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Customer> ExecuteAsync(string email, string? name, Actor actor, CancellationToken ct)
    {
        var address = EmailAddress.Normalise(email);
        var existing = await db.Customers.Include(c => c.Emails)
            .FirstOrDefaultAsync(c => c.Emails.Any(e => e.Address == address), ct);
        if (existing is not null) return existing;

        var domain = EmailAddress.Domain(address);
        var organisationId = await db.OrganisationDomains.Where(d => d.Domain == domain).Select(d => (long?)d.OrganisationId).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var customer = new Customer
        {
            Name = string.IsNullOrWhiteSpace(name) ? address[..address.IndexOf('@')] : name.Trim(),
            Kind = CustomerKind.External,
            OrganisationId = organisationId,
            Emails = [new CustomerEmail { Address = address, IsPrimary = true }],
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, "customer", customer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created",
            new AuditChanges().Set("name", null, customer.Name).Set("emails", null, new[] { address }).Set("organisationId", null, organisationId),
            customerId: customer.Id);
        return customer;
    }
}
