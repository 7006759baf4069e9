using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Rapport.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Escalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuthorityLimits",
                columns: table => new
                {
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Limit = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorityLimits", x => new { x.Role, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "Commitments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Measure = table.Column<long>(type: "INTEGER", nullable: false),
                    PromisedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WithinAuthority = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedByRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitments_Tickets_TicketNumber",
                        column: x => x.TicketNumber,
                        principalTable: "Tickets",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EscalationLevels",
                columns: table => new
                {
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    NotifyRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationLevels", x => x.Level);
                    table.ForeignKey(
                        name: "FK_EscalationLevels_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferralRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: false),
                    NotifyRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralRules_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "AuthorityLimits",
                columns: new[] { "Kind", "Role", "Limit", "UpdatedAt" },
                values: new object[,]
                {
                    { "Compensation", "Admin", null, 1308729802752000000L },
                    { "DeliveryPromise", "Admin", null, 1308729802752000000L },
                    { "GoodwillCredit", "Admin", null, 1308729802752000000L },
                    { "Refund", "Admin", null, 1308729802752000000L },
                    { "DeliveryPromise", "Agent", 7L, 1308729802752000000L },
                    { "GoodwillCredit", "Agent", 2500L, 1308729802752000000L },
                    { "Refund", "Agent", 5000L, 1308729802752000000L },
                    { "Compensation", "Manager", 100000L, 1308729802752000000L },
                    { "DeliveryPromise", "Manager", 60L, 1308729802752000000L },
                    { "GoodwillCredit", "Manager", 100000L, 1308729802752000000L },
                    { "Refund", "Manager", 250000L, 1308729802752000000L },
                    { "Compensation", "TeamLead", 10000L, 1308729802752000000L },
                    { "DeliveryPromise", "TeamLead", 14L, 1308729802752000000L },
                    { "GoodwillCredit", "TeamLead", 10000L, 1308729802752000000L },
                    { "Refund", "TeamLead", 25000L, 1308729802752000000L }
                });

            migrationBuilder.InsertData(
                table: "EscalationLevels",
                columns: new[] { "Level", "Name", "NotifyRole", "TeamId", "UpdatedAt" },
                values: new object[,]
                {
                    { 1, "Second line", "TeamLead", null, 1308729802752000000L },
                    { 2, "Specialist", "TeamLead", null, 1308729802752000000L },
                    { 3, "Manager", "Manager", null, 1308729802752000000L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_DecidedById_Id",
                table: "Commitments",
                columns: new[] { "DecidedById", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_State_Id",
                table: "Commitments",
                columns: new[] { "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_TicketNumber_Id",
                table: "Commitments",
                columns: new[] { "TicketNumber", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationLevels_Name",
                table: "EscalationLevels",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EscalationLevels_TeamId",
                table: "EscalationLevels",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralRules_IsActive_Position",
                table: "ReferralRules",
                columns: new[] { "IsActive", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralRules_Name",
                table: "ReferralRules",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferralRules_TeamId",
                table: "ReferralRules",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuthorityLimits");

            migrationBuilder.DropTable(
                name: "Commitments");

            migrationBuilder.DropTable(
                name: "EscalationLevels");

            migrationBuilder.DropTable(
                name: "ReferralRules");
        }
    }
}
