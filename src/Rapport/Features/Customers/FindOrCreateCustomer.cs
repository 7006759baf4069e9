using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

/// <summary>
/// Finds the customer who owns an email address, or creates one. A new address whose domain
/// belongs to an organisation joins that organisation. Creating is two steps so that a caller
/// holding a write transaction can prepare the record (and its look-ups) before taking it.
/// </summary>
public sealed class FindOrCreateCustomer(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Customer> ExecuteAsync(string email, string? name, Actor actor, CancellationToken ct)
    {
        var address = EmailAddress.Normalise(email);
        return await FindAsync(address, ct) ?? await CreateAsync(await PrepareAsync(address, name, ct), actor, ct);
    }

    /// <summary>A new customer for the address, not yet added: reads only, so it can run before a write transaction.</summary>
    public async Task<Customer> PrepareAsync(string email, string? name, CancellationToken ct)
    {
        var address = EmailAddress.Normalise(email);
        var domain = EmailAddress.Domain(address);
        var organisationId = await db.OrganisationDomains.Where(d => d.Domain == domain).Select(d => (long?)d.OrganisationId).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        return new Customer
        {
            Name = string.IsNullOrWhiteSpace(name) ? address[..address.IndexOf('@')] : name.Trim(),
            Kind = CustomerKind.External,
            OrganisationId = organisationId,
            Emails = [new CustomerEmail { Address = address, IsPrimary = true }],
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Stores a prepared customer, or returns the one another request stored for the same address first.</summary>
    public async Task<Customer> CreateAsync(Customer customer, Actor actor, CancellationToken ct)
    {
        var address = customer.Emails[0].Address;
        db.Customers.Add(customer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request created this address between our look-up and our insert (the unique
            // index said so): use theirs. EF Core rolled back to its savepoint, so the transaction goes on.
            foreach (var added in customer.Emails.Cast<object>().Append(customer).ToList()) db.Entry(added).State = EntityState.Detached;
            return await FindAsync(address, ct) ?? throw new InvalidOperationException($"Could not create or find the customer for {address}.");
        }
        audit.Record(actor, "customer", customer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created",
            new AuditChanges().Set("name", null, customer.Name).Set("emails", null, new[] { address }).Set("organisationId", null, customer.OrganisationId),
            customerId: customer.Id);
        return customer;
    }

    // Through the unique address index first: asked as "a customer with any such email", SQLite scans every customer.
    private async Task<Customer?> FindAsync(string address, CancellationToken ct)
    {
        var id = await db.CustomerEmails.Where(e => e.Address == address).Select(e => (long?)e.CustomerId).FirstOrDefaultAsync(ct);
        return id is null ? null : await db.Customers.Include(c => c.Emails).FirstOrDefaultAsync(c => c.Id == id, ct);
    }
}
