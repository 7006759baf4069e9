using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The articles' vector reads its text through <c>rapport_search_text</c>, as tickets' does (accents and punctuation
    /// alike on both engines: "cafe" finds "Café", "e-mail" is the words e and mail).
    /// </summary>
    public partial class ArticleSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_article_search_document;
                ALTER TABLE article_search DROP COLUMN document;
                ALTER TABLE article_search ADD COLUMN document tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, rapport_search_text(title)), 'A')
                    || setweight(to_tsvector('simple'::regconfig, rapport_search_text(body)), 'B')) STORED;
                CREATE INDEX ix_article_search_document ON article_search USING gin (document);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_article_search_document;
                ALTER TABLE article_search DROP COLUMN document;
                ALTER TABLE article_search ADD COLUMN document tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, title), 'A') || setweight(to_tsvector('simple'::regconfig, body), 'B')) STORED;
                CREATE INDEX ix_article_search_document ON article_search USING gin (document);
                """);
        }
    }
}
