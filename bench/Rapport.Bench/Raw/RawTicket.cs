using Rapport.Bench.Workloads;

namespace Rapport.Bench.Raw;

/// <summary>
/// The rows CreateTicket writes for a staff member's API ticket with a known requester: the ticket
/// (new, question, normal, channel api, version 1) and its first, public, inbound message. Enums
/// are stored by name, as the server's model says.
/// </summary>
internal sealed class RawTicket(DatasetSample sample, int seed)
{
    private readonly Random _random = new(seed);

    public const string InsertTicket =
        "INSERT INTO \"Tickets\" (\"Subject\", \"RequesterId\", \"OrganisationId\", \"Channel\", \"Type\", \"Priority\", \"Status\", "
        + "\"TeamId\", \"AssigneeId\", \"CreatedAt\", \"UpdatedAt\", \"SolvedAt\", \"ClosedAt\", \"FirstRespondedAt\", \"Version\", \"EscalationLevel\") "
        + "VALUES (@subject, @requester, @organisation, 'Api', 'Question', 'Normal', 'New', NULL, NULL, @now, @now, NULL, NULL, NULL, 1, 0) "
        + "RETURNING \"Number\"";

    public const string InsertMessage =
        "INSERT INTO \"Messages\" (\"TicketNumber\", \"Visibility\", \"AuthorUserId\", \"AuthorCustomerId\", \"Channel\", \"Direction\", "
        + "\"BodyText\", \"BodyHtml\", \"CreatedAt\") "
        + "VALUES (@ticket, 'Public', NULL, @requester, 'Api', 'Inbound', @text, @html, @now)";

    private static readonly string[] Htmls = BenchText.Openings.Select(BenchText.Html).ToArray();

    public string Subject { get; private set; } = "";
    public SampledCustomer Requester { get; private set; } = null!;
    public string Text { get; private set; } = "";
    public string Html { get; private set; } = "";

    /// <summary>Picks the next ticket's values, as varied as the API workload's.</summary>
    public void Next()
    {
        Subject = BenchText.Subjects[_random.Next(BenchText.Subjects.Length)];
        Requester = sample.Customers[_random.Next(sample.Customers.Count)];
        var body = _random.Next(BenchText.Openings.Length);
        Text = BenchText.Openings[body];
        Html = Htmls[body];
    }

    /// <summary>EF Core's DateTimeOffsetToBinaryConverter, which the server's SQLite model uses for every timestamp.</summary>
    public static long SqliteTime(DateTimeOffset value) => ((value.Ticks / 1000) << 11) | ((long)value.Offset.TotalMinutes & 0x07FF);
}
