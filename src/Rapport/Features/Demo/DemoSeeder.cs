using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Customers;
using Rapport.Features.Demo.Bulk;
using Rapport.Features.People;
using Rapport.Features.Search;
using Rapport.Features.Search.Spelling;
using Rapport.Features.Tickets;

namespace Rapport.Features.Demo;

/// <summary>
/// Creates the demo data set: teams, staff and the demo sign-ins through Identity; then
/// organisations, customers and tickets, the last two written in bulk (see README.md here).
/// The same seed always makes the same data, relative to the clock's now.
/// </summary>
public sealed class DemoSeeder(RapportDbContext db, CreateUser createUser, UserManager<User> users, ISearchEngine search, ISpellingIndex words, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "Rapport-demo-1";
    public static readonly string[] DemoEmails =
        ["admin@example.com", "manager@example.com", "lead@example.com", "agent@example.com", "customer@example.com"];

    /// <summary>Up to this many tickets, message HTML is made by MessageBody itself; above it, directly (see DemoText).</summary>
    internal const int MarkdownLimit = 5_000;

    private const string DemoCustomerEmail = "customer@example.com";
    private static readonly DemoCustomer DemoCustomer = new(CustomerKind.External, "Cameron", "Customer", null, Channel.Email, "en",
        "Prefers phone calls after 5pm on weekdays (works shifts).", "Expects written confirmation of anything agreed on the phone.");

    public async Task<bool> SeedIfEmptyAsync(DemoSize size, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return false;
        await SeedAsync(DemoSeedRequest.Small, progress, ct);
        return true;
    }

    /// <summary>Adds the demo data; teams, staff, sign-ins and organisations already there are kept, not duplicated.</summary>
    public async Task SeedAsync(DemoSeedRequest request, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        if (request.Validate() is { } problem) throw new ArgumentException(problem, nameof(request));
        var now = clock.GetUtcNow();

        progress?.Report(new DemoProgress("Teams and staff", 0, 1));
        var staff = await new DemoStaff(db, createUser, users, clock, logger)
            .SeedAsync(DemoRandom.For(request.Seed, 10, 0), ct);
        progress?.Report(new DemoProgress("Teams and staff", 1, 1));
        await DemoKnowledge.SeedAsync(db, now, ct);

        progress?.Report(new DemoProgress("Organisations", 0, 1));
        var organisations = await DemoOrganisations.SeedAsync(db, DemoRandom.For(request.Seed, 11, 0), request.Customers, now, ct);
        var demoCustomer = await SeedDemoCustomerAsync(now, ct);
        progress?.Report(new DemoProgress("Organisations", 1, 1));

        var customers = new DemoCustomerFactory(request.Seed, organisations);
        var stopwatch = Stopwatch.StartNew();
        TimeSpan customersTook;
        await db.Database.OpenConnectionAsync(ct);
        using var writer = BulkWriter.For(db);
        try
        {
            await writer.BeginAsync(ct);
            var bulkCustomers = new SeedDemoCustomers(db, writer, customers, search, request.Seed, now);
            await bulkCustomers.ExecuteAsync(request.Customers - 1, progress, ct);
            customersTook = stopwatch.Elapsed;

            var tickets = new DemoTicketFactory(request.Seed, request.Tickets, new DemoArrivals(now), customers, bulkCustomers.Ids, demoCustomer,
                staff, throughMarkdown: request.Tickets <= MarkdownLimit);
            await new SeedDemoTickets(db, writer, tickets, search, words).ExecuteAsync(request.Tickets, progress, ct);
        }
        finally
        {
            await writer.EndAsync(CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
        logger.LogInformation("Demo data seeded with seed {Seed}: {Customers} customers in {CustomersSeconds:0.0} s, {Tickets} tickets in {TicketsSeconds:0.0} s.",
            request.Seed, request.Customers, customersTook.TotalSeconds, request.Tickets, (stopwatch.Elapsed - customersTook).TotalSeconds);
    }

    /// <summary>The customer behind customer@example.com, and their portal sign-in.</summary>
    private async Task<DemoRequester> SeedDemoCustomerAsync(DateTimeOffset now, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Emails.Any(e => e.Address == DemoCustomerEmail), ct);
        if (customer is null)
        {
            customer = new Customer
            {
                Kind = DemoCustomer.Kind,
                Name = DemoCustomer.Name,
                PreferredChannel = DemoCustomer.PreferredChannel,
                PreferredLanguage = DemoCustomer.Language,
                CommunicationNeeds = DemoCustomer.Needs,
                NeedsAndExpectations = DemoCustomer.Expectations,
                Emails = [new CustomerEmail { Address = DemoCustomerEmail, IsPrimary = true }],
                Phones = [new CustomerPhone { Number = "07700 900461", Label = "mobile" }],
                CreatedAt = now.AddDays(-400),
                UpdatedAt = now.AddDays(-30),
            };
            db.Customers.Add(customer);
            await db.SaveChangesAsync(ct);
        }
        if (await users.FindByEmailAsync(DemoCustomerEmail) is null)
        {
            var created = await createUser.ExecuteAsync(
                new CreateUserRequest(DemoCustomerEmail, DemoCustomer.Name, Role.Customer, DemoPassword, customer.Id), Actor.System, ct);
            if (!created.Succeeded) logger.LogWarning("Demo user {Email} not created: {Detail}", DemoCustomerEmail, created.Error!.Detail);
        }
        db.ChangeTracker.Clear();
        return new DemoRequester(customer.Id, DemoCustomer);
    }
}

public static class DemoRegistration
{
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }
}
