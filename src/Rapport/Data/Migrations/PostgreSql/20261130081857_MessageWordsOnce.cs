using Microsoft.EntityFrameworkCore.Migrations;
using Rapport.Features.Search.Index;
using Rapport.Features.Search.Spelling;

#nullable disable

namespace Rapport.Data.Migrations.PostgreSql
{
    /// <summary>
    /// A new message is tokenised once: the search index's trigger hands its words to the "did you mean" word list, whose
    /// own trigger now takes only edited messages (it had tokenised every new message a second time).
    /// </summary>
    public partial class MessageWordsOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PostgresSearchSchema.ReplaceMessagesFunction) migrationBuilder.Sql(statement);
            foreach (var statement in PostgresSpellingSchema.MessageTriggerOnEditsOnly) migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The function stays; the word list's trigger takes new messages again, so none is missed.
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS search_words_message ON "Messages" """);
            migrationBuilder.Sql("""CREATE TRIGGER search_words_message AFTER INSERT OR UPDATE OF "BodyText", "Visibility" ON "Messages" FOR EACH ROW EXECUTE FUNCTION rapport_search_words()""");
        }
    }
}
