using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Tests.Infrastructure;

namespace Rapport.Tests.Platform;

public class MigrationTests
{
    [Theory, Providers]
    public async Task Migrations_TakeAnEmptyDatabase_ToTheCurrentModel(Db db)
    {
        var connectionString = await Databases.CreateAsync(db);
        await using RapportDbContext context = db == Db.Sqlite
            ? new SqliteRapportDbContext(new DbContextOptionsBuilder<SqliteRapportDbContext>().UseSqlite(connectionString).Options)
            : new PostgreSqlRapportDbContext(new DbContextOptionsBuilder<PostgreSqlRapportDbContext>().UseNpgsql(connectionString).Options);

        Assert.NotEmpty(await context.Database.GetPendingMigrationsAsync());
        await context.Database.MigrateAsync();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges(), "The model has changes that no migration captures: run scripts/add-migration.sh.");
        Assert.Equal(0, await context.Tickets.CountAsync());
    }
}
