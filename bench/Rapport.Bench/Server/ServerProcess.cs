using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Rapport.Bench.Datasets;

namespace Rapport.Bench.Server;

/// <summary>
/// The Release server as a separate process on the run's database, as an operator starts it.
/// Its output goes to server.log beside the cached dataset; readiness is timed from just before the
/// process starts to the first 200 on /readyz.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ServerLog _log;

    private ServerProcess(Process process, ServerLog log, Uri address, string logPath)
    {
        _process = process;
        _log = log;
        Address = address;
        LogPath = logPath;
    }

    public Uri Address { get; }
    public string LogPath { get; }
    public int Id => _process.Id;
    public TimeSpan Readiness { get; private set; }

    public static async Task<ServerProcess> StartAsync(RepoPaths paths, BenchOptions options, Dataset dataset, CancellationToken ct)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataset.WorkingDirectory,
        };
        foreach (var argument in new[] { paths.ServerDll, "serve", "--urls", address.ToString().TrimEnd('/') }) start.ArgumentList.Add(argument);
        foreach (var (key, value) in new ServerCli(paths, options.Provider, dataset.ConnectionString).Environment(options.LogSql))
            start.Environment[key] = value;

        var logPath = dataset.ServerLog;
        var log = new ServerLog(logPath);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log, address, logPath);
        await server.WaitUntilReadyAsync(stopwatch, ct);
        return server;
    }

    private async Task WaitUntilReadyAsync(Stopwatch stopwatch, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited) throw new BenchSetupException($"The server stopped during start-up (exit code {_process.ExitCode}); see {LogPath}.");
            try
            {
                using var response = await client.GetAsync("/readyz", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Readiness = stopwatch.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(10, ct);
        }
        throw new BenchSetupException($"The server was not ready within 120 s; see {LogPath}.");
    }

    /// <summary>Asks the server to stop (SIGTERM, as systemd would), and kills it if it does not within 15 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        _log.Close();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The server's output, line by line, to a file; lines that arrive after closing are dropped.</summary>
internal sealed class ServerLog(string path)
{
    private readonly StreamWriter _writer = new(path) { AutoFlush = true };
    private bool _closed;

    public void Write(string? line)
    {
        if (line is null) return;
        lock (_writer)
        {
            if (!_closed) _writer.WriteLine(line);
        }
    }

    public void Close()
    {
        lock (_writer)
        {
            _closed = true;
            _writer.Dispose();
        }
    }
}
