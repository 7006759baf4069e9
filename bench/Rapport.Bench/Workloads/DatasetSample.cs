using System.Data.Common;
using System.Globalization;

namespace Rapport.Bench.Workloads;

internal sealed record SampledCustomer(long Id, long? OrganisationId, string Email);

/// <summary>
/// Existing tickets and customers for the workloads to use, drawn at random by primary key — a
/// bounded sample of a few thousand rows, never a scan of the tables.
/// </summary>
internal sealed record DatasetSample(
    IReadOnlyList<long> Tickets,
    IReadOnlyList<long> OpenTickets,
    IReadOnlyList<SampledCustomer> Customers,
    long TicketCount)
{
    private const int Wanted = 2_000;
    private const int Batch = 500;

    public static async Task<DatasetSample> DrawAsync(DbConnection connection, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var (low, high) = await RangeAsync(connection, "SELECT MIN(\"Number\"), MAX(\"Number\") FROM \"Tickets\"", ct);
        var tickets = new List<long>();
        var open = new List<long>();
        var requesters = new HashSet<long>();
        var tried = new HashSet<long>();
        while ((tickets.Count < Wanted || open.Count < Wanted / 2) && tried.Count < high - low + 1 && tried.Count < 50 * Wanted)
        {
            var numbers = Draw(random, low, high, tried);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"Number\", \"Status\", \"RequesterId\" FROM \"Tickets\" WHERE \"Number\" IN ({List(numbers)})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (tickets.Count < Wanted)
                {
                    tickets.Add(reader.GetInt64(0));
                    requesters.Add(reader.GetInt64(2));
                }
                // Nothing can be added to a closed ticket; the reply workload uses the others.
                if (reader.GetString(1) != "Closed") open.Add(reader.GetInt64(0));
            }
        }
        var customers = new List<SampledCustomer>();
        foreach (var chunk in requesters.Chunk(Batch))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT c.\"Id\", c.\"OrganisationId\", MIN(e.\"Address\") FROM \"Customers\" c "
                + "JOIN \"CustomerEmails\" e ON e.\"CustomerId\" = c.\"Id\" "
                + $"WHERE c.\"Id\" IN ({List(chunk)}) GROUP BY c.\"Id\", c.\"OrganisationId\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                customers.Add(new SampledCustomer(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2)));
        }
        return new DatasetSample(tickets, open, customers, await CountAsync(connection, ct));
    }

    private static long[] Draw(Random random, long low, long high, HashSet<long> tried)
    {
        var numbers = new List<long>(Batch);
        while (numbers.Count < Batch && tried.Count < high - low + 1)
        {
            var number = random.NextInt64(low, high + 1);
            if (tried.Add(number)) numbers.Add(number);
        }
        return [.. numbers];
    }

    private static async Task<(long Low, long High)> RangeAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.IsDBNull(0)) throw new Datasets.BenchSetupException("The dataset has no tickets.");
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<long> CountAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Tickets\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static string List(IEnumerable<long> numbers) => string.Join(",", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));
}
