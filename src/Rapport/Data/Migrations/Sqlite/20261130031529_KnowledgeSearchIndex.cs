using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Data.Migrations.Sqlite
{
    /// <summary>
    /// The articles' full-text index (docs/decisions/0008): an FTS5 table with the article id as rowid, kept current by
    /// triggers on KbArticles so it changes in the same transaction as the article. Outside the EF model.
    /// </summary>
    public partial class KnowledgeSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE article_search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER kb_articles_search_insert AFTER INSERT ON "KbArticles" BEGIN
                    INSERT INTO article_search(rowid, title, body) VALUES (new."Id", new."Title", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER kb_articles_search_update AFTER UPDATE OF "Title", "Body" ON "KbArticles" BEGIN
                    DELETE FROM article_search WHERE rowid = old."Id";
                    INSERT INTO article_search(rowid, title, body) VALUES (new."Id", new."Title", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER kb_articles_search_delete AFTER DELETE ON "KbArticles" BEGIN
                    DELETE FROM article_search WHERE rowid = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO article_search(rowid, title, body) SELECT "Id", "Title", "Body" FROM "KbArticles";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS kb_articles_search_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS kb_articles_search_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS kb_articles_search_insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS article_search;");
        }
    }
}
