using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rapport.Data;

// Used only by `dotnet ef migrations add`; each provider's migrations are generated against its own context.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRapportDbContext>
{
    public SqliteRapportDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRapportDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlRapportDbContext>
{
    public PostgreSqlRapportDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlRapportDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
