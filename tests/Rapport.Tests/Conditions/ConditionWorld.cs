using Microsoft.EntityFrameworkCore;
using Rapport.Features.Conditions;
using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Features.Services;
using Rapport.Features.Tickets;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Conditions;

/// <summary>
/// A few dozen tickets with varied fields, written straight to one app's database, and the
/// snapshot of each as the evaluator sees it. Everything is drawn from a fixed seed, so a
/// failure repeats. Only these tickets are ever queried: other tests' data cannot interfere.
/// </summary>
public sealed record ConditionWorld(
    long[] Numbers, IReadOnlyList<(long Number, TicketFacts Facts)> Facts,
    long[] Teams, Guid[] Agents, long[] Organisations, long[] Customers, long[] Services)
{
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    public static readonly string[] Tags = ["vip", "refund", "billing", "urgent_follow-up", "lang:cy"];

    public static readonly string[] Subjects =
    [
        "Refund request", "REFUND not received", "Invoice missing", "Password reset", "Café closed early",
        "café au lait spilled", "Login problem", "invoice: 50% off_sale", "Where is my parcel?", "Déjà vu again",
    ];

    public static readonly string?[] Languages = ["en", "en-GB", "cy", "fr-CA", null];

    /// <summary>Ids that exist nowhere: enough to generate condition sets for tests without a database.</summary>
    public static readonly ConditionWorld Offline = new([], [], [11, 12], [Guid.NewGuid(), Guid.NewGuid()], [21, 22], [31, 32, 33, 34, 35], [41, 42]);

    /// <summary>The first organisation's tier; the second has none.</summary>
    public const string Tier = "gold";

    public static async Task<ConditionWorld> CreateAsync(RapportApp app, int tickets = 48, int seed = 20250602)
    {
        var agents = new[] { (await app.CreateUserAsync(Role.Agent)).Id, (await app.CreateUserAsync(Role.Agent)).Id };
        var random = new Random(seed);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var (teams, organisations, customers, services, numbers) = await app.WithDbAsync(async db =>
        {
            var teams = Enumerable.Range(0, 2).Select(i => new Team { Name = $"Conditions {unique} {i}", CreatedAt = Now, UpdatedAt = Now }).ToList();
            var organisations = Enumerable.Range(0, 2).Select(i => new Organisation { Name = $"Org {unique} {i}", Tier = i == 0 ? Tier : null, CreatedAt = Now, UpdatedAt = Now }).ToList();
            var services = Enumerable.Range(0, 2).Select(i => new Service { Name = $"Service {unique} {i}", CreatedAt = Now, UpdatedAt = Now }).ToList();
            db.AddRange(services);
            var customers = Languages.Select((language, i) => new Customer
            {
                Name = $"Customer {unique} {i}",
                Kind = i % 2 == 0 ? CustomerKind.External : CustomerKind.Internal,
                PreferredLanguage = language,
                Organisation = i < 2 ? organisations[i] : null,
                CreatedAt = Now,
                UpdatedAt = Now,
            }).ToList();
            db.AddRange(teams);
            db.AddRange(organisations);
            db.AddRange(customers);
            var rows = Enumerable.Range(0, tickets).Select(_ => NewTicket(random, customers, organisations, teams, services, agents)).ToList();
            db.Tickets.AddRange(rows);
            await db.SaveChangesAsync();
            return (teams.Select(t => t.Id).ToArray(), organisations.Select(o => o.Id).ToArray(), customers.Select(c => c.Id).ToArray(),
                services.Select(v => v.Id).ToArray(), rows.Select(t => t.Number).ToArray());
        });
        var facts = await app.WithDbAsync(async db =>
            (await db.Tickets.AsNoTracking().Include(t => t.Requester).Include(t => t.Organisation).Include(t => t.Tags)
                .Where(t => numbers.Contains(t.Number)).OrderBy(t => t.Number).ToListAsync())
            .Select(t => (t.Number, TicketFacts.From(t))).ToList());
        return new ConditionWorld(numbers, facts, teams, agents, organisations, customers, services);
    }

    private static Ticket NewTicket(Random random, List<Customer> customers, List<Organisation> organisations, List<Team> teams, List<Service> services, Guid[] agents)
    {
        T Pick<T>(IReadOnlyList<T> from) => from[random.Next(from.Count)];
        T? Maybe<T>(IReadOnlyList<T> from) where T : struct => random.Next(3) == 0 ? null : Pick(from);
        // Whole seconds: both providers store them exactly, so no comparison turns on rounding.
        var created = Now.AddSeconds(-random.Next(1, 30 * 24 * 3600));
        return new Ticket
        {
            Subject = Pick(Subjects),
            Requester = Pick(customers),
            Organisation = random.Next(3) == 0 ? null : Pick(organisations),
            Channel = Pick(Enum.GetValues<Channel>()),
            Type = Pick(Enum.GetValues<TicketType>()),
            Priority = Pick(Enum.GetValues<Priority>()),
            Status = Pick(Enum.GetValues<TicketStatus>()),
            Team = random.Next(3) == 0 ? null : Pick(teams),
            Service = random.Next(3) == 0 ? null : Pick(services),
            AssigneeId = Maybe(agents),
            Tags = [.. Tags.Where(_ => random.Next(3) == 0).Select(name => new TicketTag { Name = name })],
            CreatedAt = created,
            UpdatedAt = created.AddSeconds(random.Next(0, (int)(Now - created).TotalSeconds)),
            Version = 1,
        };
    }
}
