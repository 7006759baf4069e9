namespace Rapport.Features.Search.Spelling;

/// <summary>
/// "Did you mean" on PostgreSQL: a list of the words of tickets' subjects, tags and messages (<c>search_words</c>) with a
/// trigram index (<c>pg_trgm</c>), kept current by triggers that add the words of each new subject, tag and message.
/// Called from the provider's migration; the table is outside the EF model.
/// </summary>
/// <remarks>
/// <para><c>public</c> says whether customers may be offered the word: subjects and public messages give public rows,
/// tags and internal notes private ones, so a portal search never draws from internal notes.</para>
/// <para>No unique key: a word is added when no committed row has it (<c>NOT EXISTS</c>), so a trigger never waits for
/// another transaction's new words, and two replies that bring the same new words in opposite order cannot deadlock. A
/// rare duplicate is harmless (candidates are distinct) and gone after <c>rapport search reindex</c>, which writes the
/// list afresh (words of erased text go then). Only words of letters, 2 to 50 of them, are kept: nothing else is offered.</para>
/// <para>Like the index's triggers, these do nothing while <c>rapport.search_upkeep</c> is <c>off</c>: a bulk load adds
/// its batch's words itself (<see cref="AddWords"/>).</para>
/// </remarks>
public static class PostgresSpellingSchema
{
    /// <summary>Only words of letters are ever offered (no braces: this SQL also goes through EF's raw SQL formatting).</summary>
    private static string IsWord(string word) => $"{word} ~ '^[[:alpha:]]+$' AND length({word}) BETWEEN 2 AND 50";

    /// <summary>
    /// Adds the words of the index rows of the tickets that match <paramref name="where"/> (on <c>s</c>, ticket_search):
    /// those of weights A (subject) and C (public replies) as public, all of them (tags B, notes D too) as not.
    /// </summary>
    public static string AddWords(string where) => $"""
        INSERT INTO search_words (word, public)
        SELECT n.word, n.public FROM (
            SELECT DISTINCT w AS word, true AS public FROM ticket_search s, unnest(tsvector_to_array(ts_filter(s.everything, ARRAY['a', 'c']::"char"[]))) w WHERE {where}
            UNION
            SELECT DISTINCT w, false FROM ticket_search s, unnest(tsvector_to_array(s.everything)) w WHERE {where}
        ) n
        WHERE {IsWord("n.word")} AND NOT EXISTS (SELECT 1 FROM search_words e WHERE e.word = n.word AND e.public = n.public)
        """;

    public static readonly string[] Fill = [AddWords("true")];

    public static readonly string[] Create =
    [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE TABLE search_words (word text NOT NULL, public boolean NOT NULL)",
        "CREATE INDEX ix_search_words_word ON search_words (word, public)",
        "CREATE INDEX ix_search_words_trigrams ON search_words USING gin (word gin_trgm_ops)",
        // Takes the words as a vector, so that a trigger which has the text's vector already could pass it on: tokenising
        // (rapport_search_text's unaccent above all) is half of what this costs a reply.
        $"""
        CREATE FUNCTION rapport_add_search_words(words tsvector, is_public boolean) RETURNS void LANGUAGE sql AS $$
            INSERT INTO search_words (word, public)
            SELECT w, is_public FROM unnest(tsvector_to_array(words)) w
            WHERE {IsWord("w")} AND NOT EXISTS (SELECT 1 FROM search_words e WHERE e.word = w AND e.public = is_public)
        $$
        """,
        // The words as the index holds them: the same text function and configuration as ticket_search's vector.
        """
        CREATE FUNCTION rapport_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('rapport.search_upkeep', true) = 'off' THEN RETURN NULL; END IF;
            IF TG_TABLE_NAME = 'Tickets' THEN
                PERFORM rapport_add_search_words(to_tsvector('simple', rapport_search_text(NEW."Subject")), true);
            ELSIF TG_TABLE_NAME = 'Messages' THEN
                PERFORM rapport_add_search_words(to_tsvector('simple', rapport_search_text(NEW."BodyText")), NEW."Visibility" = 'Public');
            ELSE
                PERFORM rapport_add_search_words(to_tsvector('simple', rapport_search_text(NEW."Name")), false);
            END IF;
            RETURN NULL;
        END $$
        """,
        """CREATE TRIGGER search_words_ticket AFTER INSERT OR UPDATE OF "Subject" ON "Tickets" FOR EACH ROW EXECUTE FUNCTION rapport_search_words()""",
        MessageTrigger,
        """CREATE TRIGGER search_words_tag AFTER INSERT ON "TicketTags" FOR EACH ROW EXECUTE FUNCTION rapport_search_words()""",
    ];

    /// <summary>
    /// Only an edited message: a new one's words come from the search index's own trigger, which has tokenised them
    /// already (<c>rapport_ticket_search_messages</c>).
    /// </summary>
    private const string MessageTrigger =
        """CREATE TRIGGER search_words_message AFTER UPDATE OF "BodyText", "Visibility" ON "Messages" FOR EACH ROW EXECUTE FUNCTION rapport_search_words()""";

    /// <summary>The message trigger narrowed to edits (migration <c>MessageWordsOnce</c>).</summary>
    public static readonly string[] MessageTriggerOnEditsOnly = ["""DROP TRIGGER IF EXISTS search_words_message ON "Messages" """, MessageTrigger];

    public static readonly string[] Drop =
    [
        """DROP TRIGGER IF EXISTS search_words_ticket ON "Tickets" """,
        """DROP TRIGGER IF EXISTS search_words_message ON "Messages" """,
        """DROP TRIGGER IF EXISTS search_words_tag ON "TicketTags" """,
        "DROP FUNCTION IF EXISTS rapport_search_words()",
        "DROP FUNCTION IF EXISTS rapport_add_search_words(tsvector, boolean)",
        "DROP TABLE IF EXISTS search_words",
    ];
}
