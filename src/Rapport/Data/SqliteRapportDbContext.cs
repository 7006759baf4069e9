using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Rapport.Data;

public sealed class SqliteRapportDbContext(DbContextOptions<SqliteRapportDbContext> options) : RapportDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset text; as UTC ticks it sorts and indexes like a number.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
