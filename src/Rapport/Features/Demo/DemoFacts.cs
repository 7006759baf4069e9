using System.Globalization;
using Bogus;

namespace Rapport.Features.Demo;

/// <summary>
/// The details one demo ticket talks about: its order number, amount, dates, town. Each is made
/// the first time a phrase asks for it and then stays the same for the whole conversation.
/// </summary>
internal sealed class DemoFacts(Randomizer random, DateTimeOffset createdAt, DemoCustomer requester, string teamName)
{
    /// <summary>The colleague the customer names (in a compliment, say): their agent, or someone on the front line.</summary>
    public required string Mentioned { get; init; }

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Who is writing now; an agent's own name, or the agent the customer dealt with.</summary>
    public string Agent { get; set; } = "";
    public required string Colleague { get; init; }
    public required string Lead { get; init; }

    public string Fill(string template) => DemoText.Fill(template, Value);

    private string Value(string name) => name switch
    {
        "first" => requester.FirstName,
        "agent" => Agent.Length > 0 ? Agent : Mentioned,
        "colleague" => Colleague,
        "lead" => Lead,
        "team" => teamName,
        "dept" => requester.Organisation?.Department ?? "Operations",
        _ => _values.TryGetValue(name, out var value) ? value : _values[name] = Make(name),
    };

    private string Make(string name) => name switch
    {
        "order" => "RP-" + random.Number(100_000, 999_999).ToString(CultureInfo.InvariantCulture),
        "ref" => random.ArrayElement(Prefixes) + "-" + random.Number(10_000, 99_999).ToString(CultureInfo.InvariantCulture),
        "amount" => "£" + (random.Number(500, 25_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture),
        "card" => random.Number(1000, 9999).ToString(CultureInfo.InvariantCulture),
        "month" => createdAt.AddMonths(-1).ToString("MMMM", CultureInfo.InvariantCulture),
        "date" => createdAt.AddDays(random.Number(2, 12)).ToString("d MMMM", CultureInfo.InvariantCulture),
        "since" => createdAt.AddDays(-random.Number(1, 9)).ToString("d MMMM", CultureInfo.InvariantCulture),
        "city" => random.ArrayElement(DemoNames.Towns),
        "address" => DemoNames.Street(random),
        "oldaddress" => DemoNames.Street(random),
        "postcode" => random.Replace(random.ArrayElement(PostcodeShapes)),
        "birthday" => new DateTime(1940, 1, 1).AddDays(random.Number(0, 64 * 365)).ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        "item" => random.ArrayElement(DemoCustomerPhrases.Items),
        "service" => random.ArrayElement(DemoCustomerPhrases.Services),
        "system" => random.ArrayElement(DemoCustomerPhrases.Systems),
        "room" => random.ArrayElement(DemoCustomerPhrases.Rooms),
        "person" => random.ArrayElement(DemoNames.FirstNames) + " " + random.ArrayElement(DemoNames.LastNames),
        _ => throw new InvalidOperationException($"The demo phrase placeholder {{{name}}} is not known."),
    };

    private static readonly string[] Prefixes = ["INC", "SUP", "REF", "CASE"];

    /// <summary>Shapes of British postcodes: ? is a letter, # a digit.</summary>
    private static readonly string[] PostcodeShapes = ["?# #??", "?## #??", "??# #??", "??## #??"];
}
