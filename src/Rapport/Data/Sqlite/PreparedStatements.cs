using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Data.Sqlite;

/// <summary>Runs EF Core's commands on a pooled connection's prepared statements (see <see cref="StatementCache"/>).</summary>
internal sealed class PreparedStatements : DbCommandInterceptor
{
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result) =>
        result is SqliteCommand { Connection: CachingSqliteConnection connection } command
            ? connection.Statements.Wrap(command) ?? result
            : result;
}
