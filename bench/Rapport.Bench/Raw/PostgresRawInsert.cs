using Npgsql;
using NpgsqlTypes;
using Rapport.Bench.Load;
using Rapport.Bench.Workloads;

namespace Rapport.Bench.Raw;

/// <summary>One writer of the raw ceiling on PostgreSQL: its own connection, two server-side prepared statements, one transaction per ticket.</summary>
internal sealed class PostgresRawInsert : ILoadWorker
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlCommand _ticket;
    private readonly NpgsqlCommand _message;
    private readonly RawTicket _values;

    private PostgresRawInsert(NpgsqlConnection connection, RawTicket values)
    {
        _connection = connection;
        _values = values;
        _ticket = new NpgsqlCommand(RawTicket.InsertTicket, connection)
        {
            Parameters =
            {
                new NpgsqlParameter("subject", NpgsqlDbType.Varchar),
                new NpgsqlParameter("requester", NpgsqlDbType.Bigint),
                new NpgsqlParameter("organisation", NpgsqlDbType.Bigint),
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz),
            },
        };
        _message = new NpgsqlCommand(RawTicket.InsertMessage, connection)
        {
            Parameters =
            {
                new NpgsqlParameter("ticket", NpgsqlDbType.Bigint),
                new NpgsqlParameter("requester", NpgsqlDbType.Bigint),
                new NpgsqlParameter("text", NpgsqlDbType.Text),
                new NpgsqlParameter("html", NpgsqlDbType.Text),
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz),
            },
        };
    }

    public static async Task<PostgresRawInsert> OpenAsync(string connectionString, DatasetSample sample, int seed, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var worker = new PostgresRawInsert(connection, new RawTicket(sample, seed));
        await worker._ticket.PrepareAsync(ct);
        await worker._message.PrepareAsync(ct);
        return worker;
    }

    public async Task<string?> RunOnceAsync(CancellationToken ct)
    {
        _values.Next();
        var now = DateTimeOffset.UtcNow;
        await using var transaction = await _connection.BeginTransactionAsync(ct);
        _ticket.Parameters[0].Value = _values.Subject;
        _ticket.Parameters[1].Value = _values.Requester.Id;
        _ticket.Parameters[2].Value = (object?)_values.Requester.OrganisationId ?? DBNull.Value;
        _ticket.Parameters[3].Value = now;
        var number = (long)(await _ticket.ExecuteScalarAsync(ct))!;

        _message.Parameters[0].Value = number;
        _message.Parameters[1].Value = _values.Requester.Id;
        _message.Parameters[2].Value = _values.Text;
        _message.Parameters[3].Value = _values.Html;
        _message.Parameters[4].Value = now;
        await _message.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _ticket.DisposeAsync();
        await _message.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
