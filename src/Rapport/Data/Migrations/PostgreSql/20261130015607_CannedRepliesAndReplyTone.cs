using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rapport.Data.Migrations.PostgreSql
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    Scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    TeamId = table.Column<long>(type: "bigint", nullable: true),
                    SetStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SetPriority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SetTeamId = table.Column<long>(type: "bigint", nullable: true),
                    AddTags = table.Column<string>(type: "character varying(1300)", maxLength: 1300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Phrase = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Suggestion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
