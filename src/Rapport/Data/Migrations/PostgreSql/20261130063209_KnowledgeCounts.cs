using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class KnowledgeCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UsedInReplies",
                table: "KbArticleCounters",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "KbReaderSteps",
                columns: table => new
                {
                    ArticleId = table.Column<long>(type: "bigint", nullable: false),
                    ReaderKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Step = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbReaderSteps", x => new { x.ArticleId, x.ReaderKey, x.Step });
                    table.ForeignKey(
                        name: "FK_KbReaderSteps_KbArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KbArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KbReaderSteps");

            migrationBuilder.DropColumn(
                name: "UsedInReplies",
                table: "KbArticleCounters");
        }
    }
}
