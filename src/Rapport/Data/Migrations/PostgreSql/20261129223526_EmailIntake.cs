using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rapport.Data.Migrations.PostgreSql
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
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "ApiTokens",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inbound_mail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DedupeKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Via = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Mailbox = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sender = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    TicketNumber = table.Column<long>(type: "bigint", nullable: true),
                    MessageId = table.Column<long>(type: "bigint", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_mail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TicketCcs",
                columns: table => new
                {
                    TicketNumber = table.Column<long>(type: "bigint", nullable: false),
                    CustomerId = table.Column<long>(type: "bigint", nullable: false)
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
