using Microsoft.EntityFrameworkCore.Migrations;
using Rapport.Features.Search.Spelling;

#nullable disable

namespace Rapport.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SearchSpelling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // "Did you mean" (Features/Search/Spelling): the word list with its trigram index and triggers, filled from the index.
            foreach (var statement in PostgresSpellingSchema.Create) migrationBuilder.Sql(statement);
            foreach (var statement in PostgresSpellingSchema.Fill) migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PostgresSpellingSchema.Drop) migrationBuilder.Sql(statement);
        }
    }
}
