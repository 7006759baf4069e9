using Microsoft.EntityFrameworkCore;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform;

public class SqliteSettingsTests
{
    [Fact]
    public async Task EmbeddedDatabase_UsesWal_ForeignKeys_AndABusyTimeout()
    {
        await using var app = await RapportApp.StartAsync(Db.Sqlite);
        var (journal, foreignKeys, busyTimeout) = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                return (await ScalarAsync(db, "PRAGMA journal_mode"), await ScalarAsync(db, "PRAGMA foreign_keys"), await ScalarAsync(db, "PRAGMA busy_timeout"));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
        Assert.Equal("wal", journal);
        Assert.Equal("1", foreignKeys);
        Assert.True(int.Parse(busyTimeout) >= 1000, $"busy_timeout is {busyTimeout}");
    }

    private static async Task<string> ScalarAsync(Rapport.Data.RapportDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
