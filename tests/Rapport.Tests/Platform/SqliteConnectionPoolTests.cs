using Microsoft.Extensions.DependencyInjection;
using Rapport.Data.Sqlite;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform;

public class SqliteConnectionPoolTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task PooledConnection_HasEfFunctions_ForeignKeys_AndPragmas()
    {
        var app = await fixture.For(Db.Sqlite);
        var pool = app.Services.GetRequiredService<SqliteConnectionPool>();
        var connection = pool.Rent();
        try
        {
            Assert.Equal(1, double.Parse(Scalar(connection, "SELECT ef_mod(7, 3)"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("1", Scalar(connection, "PRAGMA foreign_keys"));
            Assert.Equal("1", Scalar(connection, "PRAGMA synchronous"));
            Assert.True(int.Parse(Scalar(connection, "PRAGMA busy_timeout")) >= 1000);
        }
        finally
        {
            pool.Return(connection);
        }
    }

    private static string Scalar(CachingSqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
