using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Rapport.Bench.Load;

namespace Rapport.Bench.Workloads;

/// <summary>
/// The HTTP workloads. Each worker has its own random stream; reply workers each own a disjoint
/// slice of the open tickets, as agents work different tickets, so no two replies race on one
/// ticket's version.
/// </summary>
internal sealed class ApiWorkloads(HttpClient client, DatasetSample sample, IReadOnlyList<long> teams, int seed)
{
    public static readonly (string Key, string Title)[] Titles =
    [
        ("create", "create ticket"),
        ("reply", "add reply"),
        ("read", "read ticket + messages"),
        ("queue", "queue first page"),
        ("customer", "customer's tickets"),
        ("mail", "receive email (parse + store)"),
        ("search", SearchOneWord),
        ("search2", SearchTwoWords),
    ];

    public const string SearchOneWord = "search: one word";
    public const string SearchTwoWords = "search: two words + status";

    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };
    private readonly string _run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public IReadOnlyList<ILoadWorker> Workers(string workload, int concurrency) =>
        Enumerable.Range(0, concurrency).Select(i => (ILoadWorker)new Worker(this, workload, i, concurrency)).ToList();

    private sealed class Worker(ApiWorkloads owner, string workload, int index, int concurrency) : ILoadWorker
    {
        private readonly Random _random = new(HashCode.Combine(owner.Seed, workload, index));
        private readonly long[] _mine = owner.Sample.OpenTickets.Where((_, i) => i % concurrency == index).ToArray();
        private long _count;

        public Task<string?> RunOnceAsync(CancellationToken ct)
        {
            _count++;
            return workload switch
            {
                "create" => owner.CreateAsync(_random, index, _count, ct),
                "reply" => owner.ReplyAsync(_random, _mine, ct),
                "read" => owner.ReadAsync(_random, ct),
                "queue" => owner.QueueAsync(_random, ct),
                "customer" => owner.CustomerTicketsAsync(_random, ct),
                "mail" => owner.ReceiveMailAsync(_random, index, _count, ct),
                "search" => owner.SearchAsync(BenchText.SearchWords[_random.Next(BenchText.SearchWords.Length)], ct),
                "search2" => owner.SearchAsync($"{BenchText.SearchWords[_random.Next(BenchText.SearchWords.Length)]} {BenchText.SearchWords[_random.Next(BenchText.SearchWords.Length)]} status:open", ct),
                _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, null),
            };
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private int Seed => seed;
    private DatasetSample Sample => sample;

    /// <summary>Two in three from a known customer's address, one in three from a new address (which creates the customer).</summary>
    private Task<string?> CreateAsync(Random random, int worker, long count, CancellationToken ct)
    {
        var email = count % 3 == 0
            ? $"bench-{_run}-{worker}-{count}@new-customers.example"
            : sample.Customers[random.Next(sample.Customers.Count)].Email;
        var body = new
        {
            subject = BenchText.Subjects[random.Next(BenchText.Subjects.Length)],
            body = BenchText.Openings[random.Next(BenchText.Openings.Length)],
            requester = new { email, name = count % 3 == 0 ? "Bench Customer" : null },
            channel = "email",
        };
        return SendAsync(HttpMethod.Post, "/api/v1/tickets", body, ct);
    }

    private Task<string?> ReplyAsync(Random random, long[] mine, CancellationToken ct)
    {
        if (mine.Length == 0) return Task.FromResult<string?>("No open ticket in the sample for this worker.");
        var number = mine[random.Next(mine.Length)];
        var body = new { body = BenchText.Replies[random.Next(BenchText.Replies.Length)] };
        return SendAsync(HttpMethod.Post, $"/api/v1/tickets/{number}/messages", body, ct);
    }

    private async Task<string?> ReadAsync(Random random, CancellationToken ct)
    {
        var number = sample.Tickets[random.Next(sample.Tickets.Count)];
        return await SendAsync(HttpMethod.Get, $"/api/v1/tickets/{number}", null, ct)
            ?? await SendAsync(HttpMethod.Get, $"/api/v1/tickets/{number}/messages", null, ct);
    }

    private Task<string?> QueueAsync(Random random, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"/api/v1/tickets?team={teams[random.Next(teams.Count)]}&status=open,new&limit=25", null, ct);

    /// <summary>The first page of a search, as the results page asks for it (without facets, which it asks for once).</summary>
    private Task<string?> SearchAsync(string q, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"/api/v1/search?q={Uri.EscapeDataString(q)}&limit=25", null, ct);

    private Task<string?> CustomerTicketsAsync(Random random, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"/api/v1/customers/{sample.Customers[random.Next(sample.Customers.Count)].Id}/tickets", null, ct);

    /// <summary>
    /// A raw email as a relay posts it: a known customer's address (one in three new), a subject, text with a
    /// quoted history as replies carry, and a unique Message-ID, so each is parsed, stored and made a ticket.
    /// </summary>
    private Task<string?> ReceiveMailAsync(Random random, int worker, long count, CancellationToken ct)
    {
        var id = $"bench-{_run}-{worker}-{count}";
        var from = count % 3 == 0 ? $"{id}@new-customers.example" : sample.Customers[random.Next(sample.Customers.Count)].Email;
        var text = BenchText.Openings[random.Next(BenchText.Openings.Length)] + "\r\n\r\nOn Mon, 2 Mar 2026 at 09:12, Support wrote:\r\n> "
            + BenchText.Replies[random.Next(BenchText.Replies.Length)];
        var raw = $"From: Bench Customer <{from}>\r\nTo: support@rapport.example\r\nSubject: {BenchText.Subjects[random.Next(BenchText.Subjects.Length)]}\r\n"
            + $"Date: {DateTimeOffset.UtcNow:r}\r\nMessage-ID: <{id}@bench.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + $"Content-Transfer-Encoding: 8bit\r\n\r\n{text}\r\n";
        return SendAsync(HttpMethod.Post, "/api/v1/mail/inbound", null, ct, new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(raw))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("message/rfc822") },
        });
    }

    private async Task<string?> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Content = content;
        if (body is not null)
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json.Options)) { Headers = { ContentType = JsonType } };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (response.IsSuccessStatusCode) return null;
        var text = await response.Content.ReadAsStringAsync(ct);
        return $"{method} {path.Split('?')[0]} → {(int)response.StatusCode}: {(text.Length > 300 ? text[..300] : text)}";
    }

    /// <summary>The ids of the teams the admin can see, from the API itself.</summary>
    public static async Task<IReadOnlyList<long>> TeamsAsync(HttpClient client, CancellationToken ct)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/teams", ct));
        var teams = document.RootElement.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
        return teams.Count > 0 ? teams : throw new Datasets.BenchSetupException("GET /api/v1/teams returned no team.");
    }

    public static HttpClient Client(Uri address, string token, int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };
}
