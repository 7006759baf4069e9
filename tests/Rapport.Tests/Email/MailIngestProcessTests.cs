using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Rapport.Tests.Platform;

namespace Rapport.Tests.Email;

/// <summary>
/// Mail intake as an MTA and a crash meet it: `rapport mail ingest` run as its own process with the message on
/// standard input, and the server killed while messages are on their way in — always one ticket and one message each.
/// </summary>
public class MailIngestProcessTests
{
    private static readonly Dictionary<string, string> NoDemo = new() { ["Rapport__Demo__SeedOnStart"] = "false" };

    [Fact]
    public async Task MailIngest_StoresOnce_AndSaysSoWithExitCodesAnMtaReads()
    {
        var directory = RapportProcess.NewWorkingDirectory();
        Assert.Equal(0, (await RapportProcess.RunAsync(directory, ["migrate"], NoDemo)).ExitCode);
        var raw = Mail.From("pipe@customer.test", "Sent through the pipe", "Hello from Postfix.").ToBytes();

        var first = await RapportProcess.RunAsync(directory, ["mail", "ingest", "--mailbox", "support"], NoDemo, raw);
        var again = await RapportProcess.RunAsync(directory, ["mail", "ingest"], NoDemo, raw);
        var empty = await RapportProcess.RunAsync(directory, ["mail", "ingest"], NoDemo, []);

        Assert.True(first.ExitCode == 0, first.StdErr + first.StdOut);
        Assert.Contains("Stored as message 1, ticket #", first.StdOut);
        Assert.True(again.ExitCode == 0, again.StdErr + again.StdOut);
        Assert.Contains("Already received as message 1", again.StdOut);
        Assert.Equal(65, empty.ExitCode);
        Assert.Contains("empty", empty.StdErr);
        Assert.Equal((1L, 1L), await CountAsync(directory, "Sent through the pipe"));
    }

    [Fact]
    public async Task KillingTheServerWhileMailArrives_LosesNothing_AndTheRetriesDuplicateNothing()
    {
        var directory = RapportProcess.NewWorkingDirectory();
        Assert.Equal(0, (await RapportProcess.RunAsync(directory, ["users", "create", "--email", "ops@example.org", "--name", "Ops", "--role", "Admin",
            "--password", "Correct-horse-9"], NoDemo)).ExitCode);
        var token = (await RapportProcess.RunAsync(directory, ["tokens", "create", "--email", "ops@example.org", "--name", "relay", "--scope", "mail-intake"], NoDemo))
            .StdOut.Trim();
        const int PerRound = 6;
        var rounds = new[] { 0, 30, 120 }; // milliseconds between sending and the kill
        var messages = rounds.SelectMany((_, round) => Enumerable.Range(0, PerRound)
            .Select(i => Mail.From($"crash{i}@customer.test", $"Crash round {round} message {i}", $"Body {round}.{i}").ToBytes())).ToList();

        for (var round = 0; round < rounds.Length; round++)
        {
            var (server, relay) = await StartAsync(directory, token);
            await using (server)
            {
                // The relay sends; the server dies partway, whatever it was doing.
                var sending = messages.Skip(round * PerRound).Take(PerRound).Select(raw => SendQuietlyAsync(relay, raw)).ToList();
                await Task.Delay(rounds[round]);
                await server.KillAsync();
                await Task.WhenAll(sending);
            }
        }

        // Back up: the relay retries everything it is not sure of (here, all of it).
        var (restarted, retrying) = await StartAsync(directory, token);
        await using (restarted)
        {
            foreach (var raw in messages)
            {
                var receipt = await retrying.ReceiveAsync(raw);
                Assert.NotNull(receipt.TicketNumber);
            }
        }
        for (var round = 0; round < rounds.Length; round++)
            for (var i = 0; i < PerRound; i++)
                Assert.Equal((1L, 1L), await CountAsync(directory, $"Crash round {round} message {i}"));
    }

    private static async Task<(RapportProcess Server, HttpClient Relay)> StartAsync(string directory, string token)
    {
        var address = new Uri($"http://127.0.0.1:{RapportProcess.FreePort()}");
        var server = RapportProcess.Start(directory, ["--urls", address.ToString()], NoDemo);
        Assert.Equal(System.Net.HttpStatusCode.OK, await server.WaitForReadyAsync(address, TimeSpan.FromSeconds(60)));
        var relay = new HttpClient { BaseAddress = address };
        relay.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (server, relay);
    }

    private static async Task SendQuietlyAsync(HttpClient relay, byte[] raw)
    {
        try
        {
            await relay.SendAsync(raw);
        }
        catch (HttpRequestException)
        {
            // The server died under it; the relay will try again.
        }
    }

    /// <summary>Tickets with the subject, and their messages, read from the server's own SQLite file.</summary>
    private static async Task<(long Tickets, long Messages)> CountAsync(string directory, string subject)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "data", "rapport.db")};Pooling=false");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(DISTINCT t.\"Number\"), COUNT(m.\"Id\") FROM \"Tickets\" t LEFT JOIN \"Messages\" m ON m.\"TicketNumber\" = t.\"Number\" WHERE t.\"Subject\" = $subject";
        command.Parameters.AddWithValue("$subject", subject);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
