using Bogus;
using Rapport.Features.Customers;
using Rapport.Features.Tickets;

namespace Rapport.Features.Demo;

/// <summary>The facts about one demo customer that tickets need too.</summary>
internal sealed record DemoCustomer(
    CustomerKind Kind,
    string FirstName,
    string LastName,
    DemoOrganisation? Organisation,
    Channel? PreferredChannel,
    string Language,
    string? Needs,
    string? Expectations)
{
    public string Name => FirstName + " " + LastName;
}

/// <summary>
/// Describes demo customer k as a pure function of the seed and k, so the ticket generator can
/// look up any requester again instead of holding millions of customers in memory.
/// </summary>
internal sealed class DemoCustomerFactory(int seed, DemoOrganisations organisations)
{
    private const int Stream = 1;
    private static readonly ((string Tag, string Names) Item, float Weight)[] Languages =
        DemoCustomerPhrases.Languages.Select(l => ((l.Tag, l.Names), l.Weight)).ToArray();

    private readonly Dictionary<string, Faker> _fakers = DemoCustomerPhrases.Languages
        .Where(l => l.Names is not ("uk" or "cy")).Select(l => l.Names).Distinct().ToDictionary(l => l, l => new Faker(l));

    /// <summary>The three biggest clients, who also get in touch most.</summary>
    public bool IsKeyAccount(DemoOrganisation organisation)
    {
        for (var i = 0; i < Math.Min(3, organisations.Companies.Count); i++)
            if (ReferenceEquals(organisations.Companies[i], organisation)) return true;
        return false;
    }

    public DemoCustomer Describe(long ordinal)
    {
        var random = DemoRandom.For(seed, Stream, ordinal);
        var roll = random.Double();
        var kind = roll < 0.2 ? CustomerKind.Internal : CustomerKind.External;
        var (language, names) = kind == CustomerKind.Internal
            ? random.Bool(0.1f) ? ("cy", "cy") : ("en", "uk")
            : random.Pick(Languages);

        string first, last;
        switch (names)
        {
            case "uk":
                (first, last) = (random.ArrayElement(DemoNames.FirstNames), random.ArrayElement(DemoNames.LastNames));
                break;
            case "cy":
                (first, last) = (random.ArrayElement(DemoNames.WelshFirstNames), random.ArrayElement(DemoNames.WelshLastNames));
                break;
            default:
                var faker = _fakers[names];
                faker.Random = random;
                (first, last) = (faker.Name.FirstName(), faker.Name.LastName());
                break;
        }

        var organisation = kind == CustomerKind.Internal ? organisations.Departments[random.Number(0, organisations.Departments.Count - 1)]
            : roll < 0.55 && organisations.Companies.Count > 0
                ? organisations.Companies[(int)(organisations.Companies.Count * Math.Pow(random.Double(), 2))]
                : null;
        Channel? preferred = random.Bool(0.7f) ? random.Pick(DemoCustomerPhrases.PreferredChannels) : null;
        var needs = language == "cy" && random.Bool(0.5f) ? "Prefers Welsh for letters and calls."
            : random.Bool(0.12f) ? random.ArrayElement(DemoCustomerPhrases.CommunicationNeeds) : null;
        var expectations = random.Bool(0.18f) ? random.ArrayElement(DemoCustomerPhrases.NeedsAndExpectations) : null;
        return new DemoCustomer(kind, first, last, organisation, preferred, language, needs, expectations);
    }
}
