using Microsoft.EntityFrameworkCore.Migrations;
using Rapport.Features.Search.Index;

#nullable disable

namespace Rapport.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The full-text index and the triggers that keep it current (decision 0008), filled from the rows already there.
            foreach (var statement in SqliteSearchSchema.Create) migrationBuilder.Sql(statement);
            foreach (var statement in SqliteSearchSchema.Fill) migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SqliteSearchSchema.Drop) migrationBuilder.Sql(statement);
        }
    }
}
