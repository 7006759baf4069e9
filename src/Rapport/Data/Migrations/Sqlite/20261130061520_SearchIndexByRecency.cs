using Microsoft.EntityFrameworkCore.Migrations;
using Rapport.Features.Search.Index;

#nullable disable

namespace Rapport.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexByRecency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The tickets' index written anew with each ticket's status as a marker (and, on PostgreSQL, narrow rows with
            // one vector and the markers of stretches of numbers, so a search reads the newest matches first), then filled.
            foreach (var statement in SqliteSearchSchema.RecreateTickets) migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The earlier shape of the index is not written back: to go back past this, migrate down past SearchIndex too.
            foreach (var statement in SqliteSearchSchema.DropTickets) migrationBuilder.Sql(statement);
        }
    }
}
