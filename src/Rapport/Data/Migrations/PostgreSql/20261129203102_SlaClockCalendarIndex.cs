using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SlaClockCalendarIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TicketSlaClocks_CalendarId",
                table: "TicketSlaClocks",
                column: "CalendarId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TicketSlaClocks_CalendarId",
                table: "TicketSlaClocks");
        }
    }
}
