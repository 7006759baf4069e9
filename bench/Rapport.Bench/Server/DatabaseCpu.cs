using System.Globalization;
using Npgsql;

namespace Rapport.Bench.Server;

/// <summary>
/// CPU time of the PostgreSQL backends serving the run's database, when the cluster runs on this
/// machine: the other half of the cost the server's own CPU figure leaves out. (SQLite runs inside
/// the server process, so its work is already in the server's figure.)
/// </summary>
internal sealed class DatabaseCpu(string connectionString)
{
    private readonly Dictionary<int, double> _seen = [];

    /// <summary>CPU seconds used by the backends since the previous call (backends that have gone since are not counted).</summary>
    public async Task<double?> SinceLastAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        var pids = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) pids.Add(reader.GetInt32(0));
        double used = 0;
        var any = false;
        foreach (var pid in pids)
        {
            if (Cpu(pid) is not { } now) continue;
            any = true;
            used += now - _seen.GetValueOrDefault(pid);
            _seen[pid] = now;
        }
        return any ? used : null;
    }

    private static double? Cpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ProcessSampler.TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
