using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailMessageId",
                table: "Messages",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "ApiTokens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inbound_mail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DedupeKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Mailbox = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    TicketNumber = table.Column<long>(type: "INTEGER", nullable: true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_mail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TicketCcs",
                columns: table => new
                {
                    TicketNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketCcs", x => new { x.TicketNumber, x.CustomerId });
                    table.ForeignKey(
                        name: "FK_TicketCcs_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TicketCcs_Tickets_TicketNumber",
                        column: x => x.TicketNumber,
                        principalTable: "Tickets",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_EmailMessageId",
                table: "Messages",
                column: "EmailMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_inbound_mail_DedupeKey",
                table: "inbound_mail",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbound_mail_Sender_ReceivedAt",
                table: "inbound_mail",
                columns: new[] { "Sender", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_mail_Status_Id",
                table: "inbound_mail",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketCcs_CustomerId_TicketNumber",
                table: "TicketCcs",
                columns: new[] { "CustomerId", "TicketNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_mail");

            migrationBuilder.DropTable(
                name: "TicketCcs");

            migrationBuilder.DropIndex(
                name: "IX_Messages_EmailMessageId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "EmailMessageId",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "ApiTokens");
        }
    }
}
