using Bogus;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Customers;

namespace Rapport.Features.Demo;

internal sealed record DemoOrganisation(long Id, string Name, string Domain, string? Department);

/// <summary>Client companies (on reserved .example domains) and the organisation's own departments.</summary>
internal sealed class DemoOrganisations(IReadOnlyList<DemoOrganisation> companies, IReadOnlyList<DemoOrganisation> departments)
{
    public IReadOnlyList<DemoOrganisation> Companies { get; } = companies;
    public IReadOnlyList<DemoOrganisation> Departments { get; } = departments;

    /// <summary>How many client companies for a number of customers: about one per 25, at least 5, at most 4,000.</summary>
    public static int CompaniesFor(int customers) => Math.Clamp(customers / 25, 5, 4_000);

    /// <summary>Creates what is missing (matched by mail domain) and returns them all with their ids.</summary>
    public static async Task<DemoOrganisations> SeedAsync(RapportDbContext db, Randomizer random, int customers, DateTimeOffset now, CancellationToken ct)
    {
        var planned = new List<(Organisation Organisation, string? Department)>();
        var domains = new HashSet<string>(StringComparer.Ordinal);
        foreach (var department in DemoCustomerPhrases.Departments)
        {
            var domain = DemoText.Slug(department, '-') + ".example.com";
            domains.Add(domain);
            planned.Add((New($"{department} (internal)", domain, true, $"Internal department: colleagues in {department} are internal customers.", now, random), department));
        }
        for (var i = 0; i < CompaniesFor(customers); i++)
        {
            var name = DemoNames.Business(random);
            var stem = DemoText.Slug(string.Join(' ', name.Replace(" Ltd", "", StringComparison.Ordinal).Split(' ').Where(w => w.Any(char.IsLetter))), '-');
            var domain = stem + ".example";
            for (var n = 2; !domains.Add(domain); n++) domain = $"{stem}{n}.example";
            var notes = random.Bool(0.4f) ? random.ArrayElement(DemoCustomerPhrases.CompanyNotes) : null;
            planned.Add((New(name, domain, random.Bool(0.3f), notes, now, random), null));
        }

        var existing = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in domains.Chunk(500))
            foreach (var found in await db.OrganisationDomains.Where(d => chunk.Contains(d.Domain)).Select(d => new { d.Domain, d.OrganisationId }).ToListAsync(ct))
                existing[found.Domain] = found.OrganisationId;
        db.Organisations.AddRange(planned.Where(p => !existing.ContainsKey(p.Organisation.Domains[0].Domain)).Select(p => p.Organisation));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var all = planned.Select(p =>
        {
            var domain = p.Organisation.Domains[0].Domain;
            return new DemoOrganisation(existing.GetValueOrDefault(domain, p.Organisation.Id), p.Organisation.Name, domain, p.Department);
        }).ToList();
        return new DemoOrganisations(all.Where(o => o.Department is null).ToList(), all.Where(o => o.Department is not null).ToList());
    }

    private static Organisation New(string name, string domain, bool sharesTickets, string? notes, DateTimeOffset now, Randomizer random)
    {
        var created = now.AddDays(-random.Number(200, 2000));
        return new Organisation
        {
            Name = name,
            SharesTickets = sharesTickets,
            Notes = notes,
            Domains = [new OrganisationDomain { Domain = domain }],
            CreatedAt = created,
            UpdatedAt = created.AddDays(random.Number(0, 150)),
        };
    }
}
