using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Rapport.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComplaintRootCauses",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintRootCauses", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintSettings_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DeadlineRules",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Amount = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CalendarId = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineRules", x => x.Key);
                    table.ForeignKey(
                        name: "FK_DeadlineRules_Calendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "Calendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    TicketNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgeBy = table.Column<long>(type: "INTEGER", nullable: false),
                    RespondBy = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InvestigatingAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RootCauseKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Remedy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DecisionNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CustomerResponse = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CustomerRespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgementEscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponseEscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextDeadlineAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalateAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.TicketNumber);
                    table.ForeignKey(
                        name: "FK_Complaints_ComplaintRootCauses_RootCauseKey",
                        column: x => x.RootCauseKey,
                        principalTable: "ComplaintRootCauses",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Tickets_TicketNumber",
                        column: x => x.TicketNumber,
                        principalTable: "Tickets",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ComplaintRootCauses",
                columns: new[] { "Key", "CreatedAt", "IsActive", "Name", "UpdatedAt" },
                values: new object[,]
                {
                    { "administration_error", 1308729802752000000L, true, "Administration or processing error", 1308729802752000000L },
                    { "charges_fees", 1308729802752000000L, true, "Charges or fees", 1308729802752000000L },
                    { "delay", 1308729802752000000L, true, "Delay or missed timescale", 1308729802752000000L },
                    { "incorrect_information", 1308729802752000000L, true, "Incorrect or unclear information", 1308729802752000000L },
                    { "other", 1308729802752000000L, true, "Other", 1308729802752000000L },
                    { "product_fault", 1308729802752000000L, true, "Product or service fault", 1308729802752000000L },
                    { "staff_conduct", 1308729802752000000L, true, "Staff conduct", 1308729802752000000L },
                    { "terms_conditions", 1308729802752000000L, true, "Terms and conditions", 1308729802752000000L }
                });

            migrationBuilder.InsertData(
                table: "ComplaintSettings",
                columns: new[] { "Id", "TeamId", "UpdatedAt" },
                values: new object[] { 1, null, 1308729802752000000L });

            migrationBuilder.InsertData(
                table: "DeadlineRules",
                columns: new[] { "Key", "Amount", "Basis", "CalendarId", "Name", "Reference", "Unit", "UpdatedAt" },
                values: new object[,]
                {
                    { "complaint_acknowledgement", 1, "Organisational", null, "Acknowledge a complaint", "Example to adjust. UK financial services (FCA DISP 1.6.1R) ask for a prompt written acknowledgement; one business day is a common promise.", "BusinessDays", 1308729802752000000L },
                    { "complaint_final_response", 8, "Statutory", null, "Send the final response to a complaint", "Example to adjust. UK financial services (FCA DISP 1.6.2R): a final response within eight weeks of receiving the complaint; after that the customer may refer it to the Financial Ombudsman Service.", "Weeks", 1308729802752000000L },
                    { "refund_window", 14, "Statutory", null, "Cancel and get a refund", "Example to adjust. UK Consumer Contracts Regulations 2013: 14 days to cancel a distance or off-premises purchase.", "CalendarDays", 1308729802752000000L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintRootCauses_Name",
                table: "ComplaintRootCauses",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_EscalateAt",
                table: "Complaints",
                column: "EscalateAt");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_NextDeadlineAt_TicketNumber",
                table: "Complaints",
                columns: new[] { "NextDeadlineAt", "TicketNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RootCauseKey",
                table: "Complaints",
                column: "RootCauseKey");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintSettings_TeamId",
                table: "ComplaintSettings",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineRules_CalendarId",
                table: "DeadlineRules",
                column: "CalendarId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "ComplaintSettings");

            migrationBuilder.DropTable(
                name: "DeadlineRules");

            migrationBuilder.DropTable(
                name: "ComplaintRootCauses");
        }
    }
}
