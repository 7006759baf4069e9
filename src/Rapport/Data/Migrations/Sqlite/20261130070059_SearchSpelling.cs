using Microsoft.EntityFrameworkCore.Migrations;
using Rapport.Features.Search.Spelling;

#nullable disable

namespace Rapport.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchSpelling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // "Did you mean" (Features/Search/Spelling): FTS5's vocabulary of the ticket index, read per column.
            foreach (var statement in SqliteSpellingSchema.Create) migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SqliteSpellingSchema.Drop) migrationBuilder.Sql(statement);
        }
    }
}
