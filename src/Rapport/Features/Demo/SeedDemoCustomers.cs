using System.Globalization;
using Rapport.Data;
using Rapport.Features.Customers;
using Rapport.Features.Demo.Bulk;
using Rapport.Features.Search;

namespace Rapport.Features.Demo;

/// <summary>
/// Writes the bulk demo customers with their addresses and phone numbers, a batch per
/// transaction, and remembers which id each got so tickets can refer to them.
/// </summary>
internal sealed class SeedDemoCustomers(RapportDbContext db, BulkWriter writer, DemoCustomerFactory factory, ISearchEngine search, int seed, DateTimeOffset now)
{
    public const int BatchSize = 5_000;
    private const int Stream = 2;
    private static readonly string[] PublicDomains = ["example.net", "example.org", "mail.example", "inbox.example", "post.example"];

    public IdRanges Ids { get; } = new();

    public async Task ExecuteAsync(long count, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var customers = BulkTable.For<Customer>(db, nameof(Customer.Id), nameof(Customer.Kind), nameof(Customer.Name), nameof(Customer.Department),
            nameof(Customer.OrganisationId), nameof(Customer.PreferredChannel), nameof(Customer.PreferredLanguage),
            nameof(Customer.CommunicationNeeds), nameof(Customer.NeedsAndExpectations), nameof(Customer.CreatedAt), nameof(Customer.UpdatedAt));
        var emails = BulkTable.For<CustomerEmail>(db, nameof(CustomerEmail.CustomerId), nameof(CustomerEmail.Address), nameof(CustomerEmail.IsPrimary));
        var phones = BulkTable.For<CustomerPhone>(db, nameof(CustomerPhone.CustomerId), nameof(CustomerPhone.Number), nameof(CustomerPhone.Label));

        for (long start = 0; start < count; start += BatchSize)
        {
            var size = (int)Math.Min(BatchSize, count - start);
            await using (var transaction = await db.BeginWriteAsync(ct))
            {
                // As for tickets: index the batch once rather than once per address and phone.
                await search.PauseUpkeepInTransactionAsync(ct);
                var ids = await writer.ReserveIdsAsync(customers, size, ct);
                for (var i = 0; i < size; i++) Add(start + i, ids[i], customers, emails, phones);
                await writer.WriteAsync(customers, ct);
                await writer.WriteAsync(emails, ct);
                await writer.WriteAsync(phones, ct);
                await search.RebuildAsync(SearchIndexPart.Customers, ids.Min(), ids.Max() + 1, ct);
                await search.ResumeUpkeepInTransactionAsync(ct);
                await transaction.CommitAsync(ct);
                Ids.Append(ids);
            }
            progress?.Report(new DemoProgress("Customers", start + size, count));
        }
    }

    private void Add(long ordinal, long id, BulkTable customers, BulkTable emails, BulkTable phones)
    {
        var customer = factory.Describe(ordinal);
        var random = DemoRandom.For(seed, Stream, ordinal);
        var created = now.AddDays(-DemoArrivals.Days - random.Double() * 700).AddMinutes(-random.Number(0, 1439));
        var updated = created.AddDays(random.Double() * (now - created).TotalDays * 0.5);
        customers.Add(id, customer.Kind, customer.Name, customer.Organisation?.Department, customer.Organisation?.Id, customer.PreferredChannel,
            customer.Language, customer.Needs, customer.Expectations, created, updated);

        // The id in the address keeps it unique, also when the demo data is seeded twice.
        var number = id.ToString(CultureInfo.InvariantCulture);
        var first = DemoText.Slug(customer.FirstName) is { Length: > 0 } f ? f : "customer";
        var last = DemoText.Slug(customer.LastName) is { Length: > 0 } l ? l : "x";
        var local = random.Number(0, 2) switch { 0 => $"{first}.{last}{number}", 1 => $"{first[0]}{last}{number}", _ => $"{first}{number}" };
        var domain = customer.Organisation?.Domain ?? random.ArrayElement(PublicDomains);
        emails.Add(id, local + "@" + domain, true);
        if (customer.Organisation is not null && random.Bool(0.15f))
            emails.Add(id, $"{first}.{last}.{number}@{random.ArrayElement(PublicDomains)}", false);

        // Numbers from the ranges Ofcom keeps for drama, so no real phone rings.
        if (customer.Kind == CustomerKind.Internal)
            phones.Add(id, "01632 960" + random.Number(0, 999).ToString("000", CultureInfo.InvariantCulture), "work");
        else
        {
            if (random.Bool(0.8f)) phones.Add(id, "07700 900" + random.Number(0, 999).ToString("000", CultureInfo.InvariantCulture), "mobile");
            if (random.Bool(0.3f))
                phones.Add(id, "020 7946 0" + random.Number(0, 999).ToString("000", CultureInfo.InvariantCulture), customer.Organisation is null ? "home" : "work");
        }
    }
}
