using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Rapport.Tests.Infrastructure;

/// <summary>One message the sink accepted: its envelope and its bytes as received after DATA.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string? User, bool Secure, byte[] Content)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Content);
}

/// <summary>
/// A real SMTP server on a free 127.0.0.1 port: tests/smtp-sink (Node, the smtp-server package), started with
/// node and stopped by the test, which can stop and start it again on the same port to act out an outage.
/// With credentials it requires AUTH; with TLS it offers STARTTLS with a self-signed certificate made here,
/// whose SHA-256 fingerprint the app is told to trust.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly string _script;
    private readonly string? _user;
    private readonly string? _password;
    private readonly (string Key, string Cert)? _tls;
    private readonly bool _implicitTls;
    private Process? _process;

    private SmtpSink(string script, int port, string directory, string? user, string? password, (string, string)? tls, bool implicitTls)
    {
        (_script, Port, Directory, _user, _password, _tls, _implicitTls) = (script, port, directory, user, password, tls, implicitTls);
    }

    public int Port { get; }
    public string Directory { get; }
    /// <param name="tls">A certificate made by <see cref="CreateCertificate"/>: the sink offers STARTTLS with it.</param>
    /// <param name="implicitTls">With a certificate: TLS from the first byte instead of STARTTLS.</param>
    public static async Task<SmtpSink> StartAsync(string? user = null, string? password = null, SinkCertificate? tls = null, bool implicitTls = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "rapport-tests", "smtp-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var sink = new SmtpSink(Script(), FreePort(), directory, user, password, tls is null ? null : (tls.KeyFile, tls.CertFile), implicitTls);
        await sink.StartAgainAsync();
        return sink;
    }

    /// <summary>Starts the server (again) on the same port; mail already received stays.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is not null) throw new InvalidOperationException("The sink is running.");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments()) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        _process = process;
        var ready = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(20))) != ready || ready.Result?.StartsWith("listening", StringComparison.Ordinal) != true)
        {
            var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "no answer in 20 s";
            await StopAsync();
            throw new InvalidOperationException($"The SMTP sink did not start: {error}");
        }
    }

    /// <summary>Stops the server: the port refuses connections until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    public IReadOnlyList<ReceivedMail> Received()
    {
        var envelopes = Path.Combine(Directory, "envelopes.jsonl");
        if (!File.Exists(envelopes)) return [];
        return [.. File.ReadAllLines(envelopes).Where(l => l.Length > 0).Select(line =>
        {
            var e = JsonDocument.Parse(line).RootElement;
            return new ReceivedMail(e.GetProperty("from").GetString()!, [.. e.GetProperty("to").EnumerateArray().Select(t => t.GetString()!)],
                e.GetProperty("user").GetString(), e.GetProperty("secure").GetBoolean(),
                File.ReadAllBytes(Path.Combine(Directory, e.GetProperty("file").GetString()!)));
        })];
    }

    /// <summary>Mail received that carries the Message-ID.</summary>
    public IReadOnlyList<ReceivedMail> WithMessageId(string messageId) =>
        [.. Received().Where(m => m.Text.Contains("Message-ID: " + messageId, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the test run's cleanup of rapport-tests.
        }
    }

    private IEnumerable<string> Arguments()
    {
        yield return _script;
        yield return "--port";
        yield return Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--dir";
        yield return Directory;
        if (_user is not null) foreach (var a in new[] { "--user", _user, "--password", _password ?? "" }) yield return a;
        if (_tls is { } tls) foreach (var a in new[] { "--key", tls.Key, "--cert", tls.Cert }) yield return a;
        if (_implicitTls) yield return "--implicit-tls";
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>tests/smtp-sink/sink.js, found from the test binaries upwards; its packages are installed when missing.</summary>
    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var sinkDir = Path.Combine(dir.FullName, "tests", "smtp-sink");
            if (!File.Exists(Path.Combine(sinkDir, "sink.js"))) continue;
            if (!System.IO.Directory.Exists(Path.Combine(sinkDir, "node_modules", "smtp-server"))) InstallPackages(sinkDir);
            return Path.Combine(sinkDir, "sink.js");
        }
        throw new InvalidOperationException("tests/smtp-sink/sink.js not found above " + AppContext.BaseDirectory);
    }

    private static readonly Lock InstallLock = new();

    private static void InstallPackages(string sinkDir)
    {
        lock (InstallLock)
        {
            if (System.IO.Directory.Exists(Path.Combine(sinkDir, "node_modules", "smtp-server"))) return;
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = sinkDir, UseShellExecute = false })!;
            npm.WaitForExit();
            if (npm.ExitCode != 0) throw new InvalidOperationException("npm ci in tests/smtp-sink failed.");
        }
    }

    /// <summary>A self-signed certificate for localhost and 127.0.0.1, written as PEM files, with its SHA-256 fingerprint.</summary>
    public static SinkCertificate CreateCertificate()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rapport-tests", "smtp-cert-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var (key, cert) = (Path.Combine(directory, "key.pem"), Path.Combine(directory, "cert.pem"));
        File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        return new SinkCertificate(key, cert, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }
}

public sealed record SinkCertificate(string KeyFile, string CertFile, string Sha256);
