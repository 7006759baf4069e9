using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Rapport.Data.Sqlite;

/// <summary>
/// Stands in for the command EF Core built: the same text, parameters and transaction, run on
/// the connection's already-prepared copy. Disposing it frees the copy for the next execution.
/// </summary>
internal sealed class PreparedCommand(StatementCache.Entry entry, SqliteCommand efCommand) : DbCommand
{
    private SqliteCommand Prepared => entry.Prepared;

    [AllowNull]
    public override string CommandText
    {
        get => efCommand.CommandText;
        set => throw new NotSupportedException("A prepared command's text is fixed.");
    }

    public override int CommandTimeout { get => efCommand.CommandTimeout; set => efCommand.CommandTimeout = value; }
    public override CommandType CommandType { get => CommandType.Text; set { } }
    public override bool DesignTimeVisible { get; set; }
    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => efCommand.Connection;
        set => throw new NotSupportedException("A prepared command belongs to its connection.");
    }

    protected override DbParameterCollection DbParameterCollection => efCommand.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => efCommand.Transaction;
        set => efCommand.Transaction = (SqliteTransaction?)value;
    }

    public override void Cancel() => Prepared.Cancel();
    public override void Prepare() { }
    protected override DbParameter CreateDbParameter() => efCommand.CreateParameter();

    public override int ExecuteNonQuery() => Bound().ExecuteNonQuery();
    public override object? ExecuteScalar() => Bound().ExecuteScalar();
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Bound().ExecuteReader(behavior);

    private SqliteCommand Bound()
    {
        Prepared.Transaction = efCommand.Transaction;
        Prepared.CommandTimeout = efCommand.CommandTimeout;
        Prepared.Parameters.Clear();
        foreach (SqliteParameter parameter in efCommand.Parameters) Prepared.Parameters.Add(parameter);
        return Prepared;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Prepared.Parameters.Clear();
            Prepared.Transaction = null;
            entry.InUse = false;
            efCommand.Dispose();
        }
        base.Dispose(disposing);
    }
}
