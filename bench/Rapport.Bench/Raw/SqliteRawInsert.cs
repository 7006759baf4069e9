using Microsoft.Data.Sqlite;
using Rapport.Bench.Load;
using Rapport.Bench.Workloads;

namespace Rapport.Bench.Raw;

/// <summary>
/// One writer of the raw ceiling on SQLite: its own connection with the server's pragmas, two
/// prepared statements, one transaction per ticket (BEGIN IMMEDIATE, as the server's transactions
/// are). Writers serialise on SQLite's single write lock, exactly as the server's requests do.
/// </summary>
internal sealed class SqliteRawInsert : ILoadWorker
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _ticket;
    private readonly SqliteCommand _message;
    private readonly RawTicket _values;

    public SqliteRawInsert(string connectionString, DatasetSample sample, int seed)
    {
        _values = new RawTicket(sample, seed);
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var pragmas = _connection.CreateCommand())
        {
            pragmas.CommandText = BenchDatabase.SqlitePragmas;
            pragmas.ExecuteNonQuery();
        }
        _ticket = Prepare(RawTicket.InsertTicket, "@subject", "@requester", "@organisation", "@now");
        _message = Prepare(RawTicket.InsertMessage, "@ticket", "@requester", "@text", "@html", "@now");
    }

    public Task<string?> RunOnceAsync(CancellationToken ct)
    {
        _values.Next();
        var now = RawTicket.SqliteTime(DateTimeOffset.UtcNow);
        using var transaction = _connection.BeginTransaction();
        _ticket.Transaction = transaction;
        _ticket.Parameters["@subject"].Value = _values.Subject;
        _ticket.Parameters["@requester"].Value = _values.Requester.Id;
        _ticket.Parameters["@organisation"].Value = (object?)_values.Requester.OrganisationId ?? DBNull.Value;
        _ticket.Parameters["@now"].Value = now;
        var number = (long)_ticket.ExecuteScalar()!;

        _message.Transaction = transaction;
        _message.Parameters["@ticket"].Value = number;
        _message.Parameters["@requester"].Value = _values.Requester.Id;
        _message.Parameters["@text"].Value = _values.Text;
        _message.Parameters["@html"].Value = _values.Html;
        _message.Parameters["@now"].Value = now;
        _message.ExecuteNonQuery();
        transaction.Commit();
        return Task.FromResult<string?>(null);
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        command.Prepare();
        return command;
    }

    public ValueTask DisposeAsync()
    {
        _ticket.Dispose();
        _message.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }
}
