using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Customers;

/// <summary>
/// A partial update: only the fields present change; null clears an optional field. Emails and
/// phones, when present, replace the whole list (the first email becomes the primary one).
/// </summary>
public sealed record UpdateCustomerRequest(
    Optional<CustomerKind?> Kind,
    Optional<string> Name,
    Optional<string> Department,
    Optional<long?> OrganisationId,
    Optional<string?[]> Emails,
    Optional<PhoneInput?[]> Phones,
    Optional<Channel?> PreferredChannel,
    Optional<string> PreferredLanguage,
    Optional<string> CommunicationNeeds,
    Optional<string> NeedsAndExpectations);

/// <summary>Changes a customer record and audits each changed field with its value before and after.</summary>
public sealed class UpdateCustomer(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> ExecuteAsync(long id, UpdateCustomerRequest request, Actor actor, CancellationToken ct)
    {
        if (!actor.IsStaff) return new ForbiddenError("Only staff can change customer records.");
        var customer = await db.Customers.Include(c => c.Emails).Include(c => c.Phones).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return new CustomerNotFound(id);

        var check = new Validator();
        if (request.Kind is { IsSet: true, Value: null }) check.Add("kind", "Kind cannot be empty.");
        if (request.Name.IsSet) check.Required("name", request.Name.Value, CustomerLimits.NameLength);
        check.Text("department", request.Department.Value, CustomerLimits.NameLength)
            .Text("communicationNeeds", request.CommunicationNeeds.Value, CustomerLimits.NotesLength, multiline: true)
            .Text("needsAndExpectations", request.NeedsAndExpectations.Value, CustomerLimits.NotesLength, multiline: true);
        var kind = request.Kind.Value ?? customer.Kind;
        var department = request.Department.IsSet ? CustomerInput.OptionalText(request.Department.Value) : customer.Department;
        CustomerInput.Department(kind, department, check);
        var emails = request.Emails.IsSet ? CustomerInput.Emails(request.Emails.Value ?? [], check) : null;
        var phones = request.Phones.IsSet ? CustomerInput.Phones(request.Phones.Value ?? [], check) : null;
        var language = request.PreferredLanguage.IsSet ? CustomerInput.Language(request.PreferredLanguage.Value, check) : null;
        CustomerInput.Channel(request.PreferredChannel.Value, check);
        if (request.OrganisationId.IsSet) await CustomerInput.OrganisationExistsAsync(db, request.OrganisationId.Value, check, ct);
        if (!check.IsValid) return check.ToError();
        if (emails is not null && await CustomerInput.FirstTakenAsync(db, emails, owner: id, ct) is { } taken) return new EmailTaken(taken);

        customer.Kind = kind;
        customer.Department = department;
        if (request.Name.IsSet) customer.Name = request.Name.Value!.Trim();
        if (request.OrganisationId.IsSet) customer.OrganisationId = request.OrganisationId.Value;
        if (request.PreferredChannel.IsSet) customer.PreferredChannel = request.PreferredChannel.Value;
        if (request.PreferredLanguage.IsSet) customer.PreferredLanguage = language;
        if (request.CommunicationNeeds.IsSet) customer.CommunicationNeeds = CustomerInput.OptionalText(request.CommunicationNeeds.Value);
        if (request.NeedsAndExpectations.IsSet) customer.NeedsAndExpectations = CustomerInput.OptionalText(request.NeedsAndExpectations.Value);

        var changes = AuditChanges.FromEntry(db.Entry(customer), nameof(Customer.UpdatedAt));
        var oldEmails = customer.Emails.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).Select(e => e.Address).ToList();
        var oldPhones = customer.Phones.OrderBy(p => p.Id).Select(CustomerInput.Describe).ToList();
        // Only the primary position matters in the email list; reordering the rest is not a change.
        var replaceEmails = emails is not null && (!emails.ToHashSet().SetEquals(oldEmails) || emails.FirstOrDefault() != oldEmails.FirstOrDefault());
        var replacePhones = phones is not null && !phones.Select(CustomerInput.Describe).Order().SequenceEqual(oldPhones.Order());
        if (replaceEmails) changes.Set("emails", oldEmails, emails).Set("primaryEmail", oldEmails.FirstOrDefault(), emails!.FirstOrDefault());
        if (replacePhones) changes.Set("phones", oldPhones, phones!.Select(CustomerInput.Describe));
        if (changes.IsEmpty) return id;

        customer.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, "customer", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "updated", changes, customerId: id);
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                if (replaceEmails) db.CustomerEmails.RemoveRange(customer.Emails);
                if (replacePhones) db.CustomerPhones.RemoveRange(customer.Phones);
                // The old addresses go first, in their own statement, so a kept address is never in the table twice.
                await db.SaveChangesAsync(ct);
                if (replaceEmails)
                {
                    customer.Emails.Clear();
                    customer.Emails.AddRange(emails!.Select((address, i) => new CustomerEmail { Address = address, IsPrimary = i == 0 }));
                }
                if (replacePhones)
                {
                    customer.Phones.Clear();
                    customer.Phones.AddRange(phones!);
                }
                await db.SaveChangesAsync(ct);
                return (Result<long>)id;
            }, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return new UniqueValueTaken("One of these email addresses");
        }
    }
}
