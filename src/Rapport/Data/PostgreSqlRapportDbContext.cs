using Microsoft.EntityFrameworkCore;

namespace Rapport.Data;

public sealed class PostgreSqlRapportDbContext(DbContextOptions<PostgreSqlRapportDbContext> options) : RapportDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
