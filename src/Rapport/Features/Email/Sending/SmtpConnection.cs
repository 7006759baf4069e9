using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Rapport.Features.Email.Mailboxes;

namespace Rapport.Features.Email.Sending;

/// <summary>Where and how to reach the SMTP server, credentials included (kept in memory for the session only).</summary>
public sealed record SmtpServer(string Host, int Port, MailSecurity Security, string? UserName, string? Password)
{
    // The password never appears in logs or exception messages through ToString.
    public override string ToString() => $"{Host}:{Port} ({Security})";
}

/// <summary>Who the server hands the message to, and who it reported refusing for good.</summary>
public sealed record SmtpOutcome(IReadOnlyList<string> Refused);

/// <summary>
/// Rapport's small SMTP client (RFC 5321): it sends bytes composed elsewhere, which System.Net.Mail cannot.
/// EHLO (HELO when refused), STARTTLS or implicit TLS with the certificate validated, AUTH PLAIN or LOGIN,
/// MAIL FROM, RCPT TO per recipient, DATA, QUIT. Failures are <see cref="SmtpFailure"/>s that say whether
/// trying again can help.
/// </summary>
public sealed class SmtpConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly SmtpWire _wire;
    private readonly SendingOptions _options;
    private HashSet<string> _capabilities = new(StringComparer.OrdinalIgnoreCase);
    private string[] _authMethods = [];

    private SmtpConnection(TcpClient tcp, SendingOptions options)
    {
        (_tcp, _options) = (tcp, options);
        _wire = new SmtpWire(tcp.GetStream());
    }

    /// <summary>Connects, greets, secures and signs in as the server asks; the connection is then ready to send.</summary>
    public static async Task<SmtpConnection> OpenAsync(SmtpServer server, SendingOptions options, CancellationToken ct)
    {
        var tcp = new TcpClient();
        try
        {
            await Guarded("connect", options.ConnectTimeout, t => tcp.ConnectAsync(server.Host, server.Port, t).AsTask(), ct);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
        var connection = new SmtpConnection(tcp, options);
        try
        {
            if (server.Security == MailSecurity.ImplicitTls) await connection.SecureAsync(server.Host, ct);
            await connection.ExpectAsync("greeting", ct);
            await connection.HelloAsync(ct);
            if (server.Security == MailSecurity.StartTls)
            {
                if (!connection._capabilities.Contains("STARTTLS"))
                    throw new SmtpFailure(FailureKind.Transient, "The server does not offer STARTTLS; choose another security setting or port.");
                await connection.CommandAsync("STARTTLS", "STARTTLS", ct);
                await connection.SecureAsync(server.Host, ct);
                await connection.HelloAsync(ct);
            }
            if (server.UserName is { Length: > 0 } user && server.Password is { } password) await connection.SignInAsync(user, password, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Sends one message. Recipients refused for good (5xx) are left out and reported when others accepted it;
    /// one refused for now (4xx) makes the whole attempt transient, before any data is sent.
    /// </summary>
    public async Task<SmtpOutcome> SendAsync(string from, IReadOnlyList<string> recipients, byte[] message, CancellationToken ct)
    {
        foreach (var address in recipients.Prepend(from))
            if (address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>'))
                throw new SmtpFailure(FailureKind.Permanent, $"“{address.ReplaceLineEndings(" ")}” cannot be an SMTP address.");
        var eightBit = message.Any(b => b > 127) && _capabilities.Contains("8BITMIME") ? " BODY=8BITMIME" : "";
        var utf8 = (from + string.Concat(recipients)).Any(c => c > 127) && _capabilities.Contains("SMTPUTF8") ? " SMTPUTF8" : "";
        await CommandAsync($"MAIL FROM:<{from}>{eightBit}{utf8}", "MAIL FROM", ct);
        var refused = new List<string>();
        SmtpReply? later = null;
        foreach (var recipient in recipients)
        {
            var reply = await RoundTripAsync($"RCPT TO:<{recipient}>", ct);
            if (reply.IsPositive) continue;
            if (reply.Code >= 500) refused.Add($"{recipient} ({reply})");
            else later ??= reply;
        }
        if (later is not null || refused.Count == recipients.Count)
        {
            await ResetAsync(ct);
            throw later is not null ? SmtpFailure.From(later, "RCPT TO") : new SmtpFailure(FailureKind.Permanent, "Every recipient was refused: " + string.Join("; ", refused));
        }
        var data = await RoundTripAsync("DATA", ct);
        if (data.Code != 354) throw SmtpFailure.From(data, "DATA");
        await Guarded("DATA", _options.CommandTimeout, async t =>
        {
            await _wire.Stream.WriteAsync(SmtpWire.DataBytes(message), t);
            await _wire.Stream.FlushAsync(t);
        }, ct);
        var accepted = await ReadAsync(ct);
        if (!accepted.IsPositive) throw SmtpFailure.From(accepted, "end of DATA");
        return new SmtpOutcome(refused);
    }

    /// <summary>Says goodbye; the message is already delivered, so a server that hangs up first is no failure.</summary>
    public Task QuitAsync(CancellationToken ct) => BestEffortAsync("QUIT", ct);

    /// <summary>Abandons the transaction before DATA; the reason it was abandoned is what counts, not how RSET went.</summary>
    private Task ResetAsync(CancellationToken ct) => BestEffortAsync("RSET", ct);

    private async Task BestEffortAsync(string command, CancellationToken ct)
    {
        try
        {
            await RoundTripAsync(command, ct);
        }
        catch (Exception e) when (e is SmtpFailure or IOException or SocketException)
        {
            // Nothing left to say to a server that has gone.
        }
    }

    public ValueTask DisposeAsync()
    {
        _wire.Stream.Dispose();
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task HelloAsync(CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(_options.HeloName) ? HeloDefault() : _options.HeloName.Trim();
        var reply = await RoundTripAsync($"EHLO {name}", ct);
        if (!reply.IsPositive)
        {
            await CommandAsync($"HELO {name}", "HELO", ct);
            (_capabilities, _authMethods) = ([], []);
            return;
        }
        var extensions = reply.Lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 0).ToList();
        _capabilities = new HashSet<string>(extensions.Select(w => w[0]), StringComparer.OrdinalIgnoreCase);
        _authMethods = [.. extensions.Where(w => w[0].Equals("AUTH", StringComparison.OrdinalIgnoreCase)).SelectMany(w => w.Skip(1))];
    }

    private async Task SignInAsync(string user, string password, CancellationToken ct)
    {
        // A refused sign-in is the mailbox's settings, not the message: transient, so mail goes out once they are fixed.
        static SmtpFailure Refused(SmtpReply reply) => new(FailureKind.Transient, $"AUTH: {reply}");
        if (_authMethods.Contains("PLAIN", StringComparer.OrdinalIgnoreCase))
        {
            var reply = await RoundTripAsync("AUTH PLAIN " + Base64($"\0{user}\0{password}"), ct);
            if (!reply.IsPositive) throw Refused(reply);
            return;
        }
        if (!_authMethods.Contains("LOGIN", StringComparer.OrdinalIgnoreCase))
            throw new SmtpFailure(FailureKind.Transient, "The server offers no AUTH PLAIN or LOGIN (over this connection); check the security setting.");
        foreach (var line in new[] { "AUTH LOGIN", Base64(user), Base64(password) })
        {
            var reply = await RoundTripAsync(line, ct);
            if (reply.Code == 334) continue;
            if (!reply.IsPositive) throw Refused(reply);
            return;
        }
        throw new SmtpFailure(FailureKind.Transient, "AUTH LOGIN: the server asked for more than a user name and password.");
    }

    private async Task SecureAsync(string host, CancellationToken ct)
    {
        var ssl = new SslStream(_wire.Stream, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => errors == SslPolicyErrors.None || IsTrusted(certificate),
        };
        try
        {
            await Guarded("TLS handshake", _options.ConnectTimeout, t => ssl.AuthenticateAsClientAsync(options, t), ct);
        }
        catch (AuthenticationException e)
        {
            throw new SmtpFailure(FailureKind.Transient, $"TLS handshake with {host} failed: {e.Message}", e);
        }
        _wire.Upgrade(ssl);
    }

    private bool IsTrusted(X509Certificate? certificate) =>
        certificate is not null && _options.TrustedCertificates.Contains(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
            StringComparer.OrdinalIgnoreCase);

    private async Task ExpectAsync(string step, CancellationToken ct)
    {
        var reply = await ReadAsync(ct);
        if (!reply.IsPositive) throw SmtpFailure.From(reply, step);
    }

    private async Task CommandAsync(string command, string step, CancellationToken ct)
    {
        var reply = await RoundTripAsync(command, ct);
        if (!reply.IsPositive) throw SmtpFailure.From(reply, step);
    }

    private async Task<SmtpReply> RoundTripAsync(string command, CancellationToken ct)
    {
        await Guarded(Verb(command), _options.CommandTimeout, t => _wire.WriteLineAsync(command, t), ct);
        return await ReadAsync(ct);
    }

    private async Task<SmtpReply> ReadAsync(CancellationToken ct)
    {
        SmtpReply? reply = null;
        await Guarded("reply", _options.CommandTimeout, async t => reply = await _wire.ReadReplyAsync(t), ct);
        return reply!;
    }

    /// <summary>Runs one step within its time limit; running out of time is a transient failure naming the step.</summary>
    private static async Task Guarded(string step, TimeSpan timeout, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await work(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SmtpFailure(FailureKind.Transient, $"No answer within {timeout.TotalSeconds:0} s ({step}).");
        }
    }

    // Only the verb: AUTH lines carry credentials.
    private static string Verb(string command) => command.Split(' ', 2)[0];

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string HeloDefault()
    {
        var name = System.Net.Dns.GetHostName();
        return MailboxInput.IsHost(name) && name.Length > 0 ? name : "rapport.localdomain";
    }
}
