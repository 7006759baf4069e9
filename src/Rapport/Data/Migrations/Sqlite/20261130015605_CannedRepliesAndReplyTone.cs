using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CannedRepliesAndReplyTone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CannedReplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    SetStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SetPriority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SetTeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    AddTags = table.Column<string>(type: "TEXT", maxLength: 1300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CannedReplies_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CannedReplies_Teams_SetTeamId",
                        column: x => x.SetTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CannedReplies_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TonePhrases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Phrase = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Suggestion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TonePhrases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_OwnerId_Title_Id",
                table: "CannedReplies",
                columns: new[] { "OwnerId", "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_Scope_Title_Id",
                table: "CannedReplies",
                columns: new[] { "Scope", "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_SetTeamId",
                table: "CannedReplies",
                column: "SetTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_TeamId_Title_Id",
                table: "CannedReplies",
                columns: new[] { "TeamId", "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TonePhrases_Language_Position",
                table: "TonePhrases",
                columns: new[] { "Language", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CannedReplies");

            migrationBuilder.DropTable(
                name: "TonePhrases");
        }
    }
}
