using System.Net;
using System.Net.Sockets;
using System.Text;
using Rapport.Features.Email.Mailboxes;
using Rapport.Features.Email.Sending;

namespace Rapport.Tests.Email;

/// <summary>The SMTP client against a scripted server on loopback, for what the sink cannot act out.</summary>
public class SmtpConnectionTests
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("Subject: Hi\r\n\r\n.dot\r\nGrüße\r\n");

    [Fact]
    public async Task WhenEhloIsRefused_ItSaysHelo_AndSendsWithoutExtensions()
    {
        await using var server = new ScriptedServer(line => line switch
        {
            _ when line.StartsWith("EHLO ", StringComparison.Ordinal) => "502 5.5.1 Not here\r\n",
            _ when line.StartsWith("HELO ", StringComparison.Ordinal) => "250 hello\r\n",
            _ => "250 ok\r\n",
        });

        await SendAsync(server, "ann@example.test");

        var heard = await server.Conversation;
        Assert.Contains(heard, l => l.StartsWith("HELO ", StringComparison.Ordinal));
        Assert.Contains("MAIL FROM:<support@example.test>", heard);
        Assert.Contains("RCPT TO:<ann@example.test>", heard);
        Assert.Contains("..dot", heard);
        Assert.Equal("QUIT", heard[^1]);
    }

    [Fact]
    public async Task WhenOnlyAuthLoginIsOffered_ItSignsInWithLogin_AndAsksFor8BitMime()
    {
        await using var server = new ScriptedServer(line => line switch
        {
            _ when line.StartsWith("EHLO ", StringComparison.Ordinal) => "250-scripted\r\n250-AUTH LOGIN\r\n250 8BITMIME\r\n",
            "AUTH LOGIN" => "334 VXNlcm5hbWU6\r\n",
            "dXNlcg==" => "334 UGFzc3dvcmQ6\r\n",
            "cGFzcw==" => "235 2.7.0 Accepted\r\n",
            _ => "250 ok\r\n",
        });

        await SendAsync(server, "ann@example.test", user: "user", password: "pass");

        var heard = await server.Conversation;
        Assert.Equal(["AUTH LOGIN", "dXNlcg==", "cGFzcw==", "MAIL FROM:<support@example.test> BODY=8BITMIME"], heard[1..5]);
    }

    [Fact]
    public async Task AServerThatDoesNotSpeakSmtp_IsATransientFailure()
    {
        await using var server = new ScriptedServer(_ => "250 ok\r\n", greeting: "HTTP/1.1 400 Bad Request\r\n");
        var failure = await Assert.ThrowsAsync<SmtpFailure>(() => SendAsync(server, "ann@example.test"));
        Assert.Equal(FailureKind.Transient, failure.Kind);
    }

    [Fact]
    public async Task AServerThatSaysNothing_TimesOut_AsATransientFailure()
    {
        await using var server = new ScriptedServer(_ => "250 ok\r\n", greeting: "");
        var failure = await Assert.ThrowsAsync<SmtpFailure>(() => SendAsync(server, "ann@example.test"));
        Assert.Equal(FailureKind.Transient, failure.Kind);
        Assert.Contains("No answer within 1 s", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressThatCouldSmuggleACommand_IsRefused_BeforeAnythingIsSent()
    {
        await using var server = new ScriptedServer(_ => "250 ok\r\n");
        var failure = await Assert.ThrowsAsync<SmtpFailure>(() => SendAsync(server, "ann@example.test>\r\nRCPT TO:<eve@example.test"));
        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.DoesNotContain(await server.Conversation, l => l.StartsWith("RCPT", StringComparison.Ordinal) || l.StartsWith("MAIL", StringComparison.Ordinal));
    }

    private static async Task SendAsync(ScriptedServer server, string to, string? user = null, string? password = null)
    {
        var options = new SendingOptions { ConnectTimeout = TimeSpan.FromSeconds(5), CommandTimeout = TimeSpan.FromSeconds(1), HeloName = "rapport.test" };
        await using var connection = await SmtpConnection.OpenAsync(new SmtpServer("127.0.0.1", server.Port, MailSecurity.None, user, password), options, default);
        await connection.SendAsync("support@example.test", [to], Message, default);
        await connection.QuitAsync(default);
    }

    /// <summary>Accepts one connection, greets, and answers each line with what the script says; DATA is taken whole.</summary>
    private sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public ScriptedServer(Func<string, string> reply, string greeting = "220 scripted ESMTP\r\n")
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            Conversation = RunAsync(reply, greeting);
        }

        public int Port { get; }
        /// <summary>Every line the client sent, once it hung up.</summary>
        public Task<List<string>> Conversation { get; }

        private async Task<List<string>> RunAsync(Func<string, string> reply, string greeting)
        {
            using var client = await _listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            async Task SayAsync(string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text));
            await SayAsync(greeting);
            var heard = new List<string>();
            var inData = false;
            while (await reader.ReadLineAsync() is { } line)
            {
                heard.Add(line);
                if (inData)
                {
                    if (line != ".") continue;
                    inData = false;
                    await SayAsync("250 queued\r\n");
                }
                else if (line == "DATA")
                {
                    inData = true;
                    await SayAsync("354 go on\r\n");
                }
                else if (line == "QUIT")
                {
                    await SayAsync("221 bye\r\n");
                    break;
                }
                else await SayAsync(reply(line));
            }
            return heard;
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            try
            {
                await Conversation.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is IOException or SocketException or TimeoutException or ObjectDisposedException)
            {
                // The client hung up mid-conversation, as some tests mean it to.
            }
        }
    }
}
