using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The articles' full-text index (docs/decisions/0008): a table with a stored generated tsvector ('simple', title
    /// weighted A, body B) and a GIN index, kept current by a trigger on KbArticles so it changes in the same
    /// transaction as the article; a deleted article's row goes with it by the foreign key. Outside the EF model.
    /// </summary>
    public partial class KnowledgeSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE article_search (
                    article_id bigint PRIMARY KEY REFERENCES "KbArticles" ("Id") ON DELETE CASCADE,
                    title text NOT NULL,
                    body text NOT NULL,
                    document tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple'::regconfig, title), 'A') || setweight(to_tsvector('simple'::regconfig, body), 'B')) STORED
                );
                CREATE INDEX ix_article_search_document ON article_search USING gin (document);

                CREATE FUNCTION kb_articles_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO article_search (article_id, title, body) VALUES (NEW."Id", NEW."Title", NEW."Body")
                    ON CONFLICT (article_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER kb_articles_search_sync AFTER INSERT OR UPDATE OF "Title", "Body" ON "KbArticles"
                    FOR EACH ROW EXECUTE FUNCTION kb_articles_search_sync();

                INSERT INTO article_search (article_id, title, body) SELECT "Id", "Title", "Body" FROM "KbArticles";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS kb_articles_search_sync ON "KbArticles";
                DROP FUNCTION IF EXISTS kb_articles_search_sync();
                DROP TABLE IF EXISTS article_search;
                """);
        }
    }
}
