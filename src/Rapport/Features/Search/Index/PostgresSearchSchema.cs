namespace Rapport.Features.Search.Index;

/// <summary>
/// The full-text index on PostgreSQL (decision 0008): stored <c>tsvector</c> columns with GIN indexes, kept current by
/// triggers, so the index changes in the transaction that changes the ticket or customer, on every path. Called from the
/// provider's migrations; the tables are outside the EF model.
/// </summary>
/// <remarks>
/// Text and queries go through <c>rapport_search_text</c>: punctuation becomes space and accents go, as in FTS5's
/// <c>unicode61 remove_diacritics</c> tokenizer on SQLite (so "ann@example.com" is the words ann, example, com on both), and
/// at most <see cref="SearchText.MaxIndexedCharacters"/> characters of each message or column are read. A ticket's row is
/// its number and one vector: weights tell the subject (A), tags (B), public replies (C) and internal notes (D) apart,
/// and position-less markers hold its status and its stretch of numbers. A trigger does nothing while the transaction
/// has set <c>rapport.search_upkeep</c> to <c>off</c> (<c>SET LOCAL</c>, seen by no one else): the demo seeder's bulk
/// load does, and rebuilds its batch before committing.
/// </remarks>
public static class PostgresSearchSchema
{
    private const string Paused = "current_setting('rapport.search_upkeep', true) = 'off'";

    /// <summary>
    /// Words in a stretch of this many ticket numbers carry the same marker (<c>~b</c> and the number shifted right), so a
    /// search asks GIN for the newest stretches first (<see cref="PostgresSearchEngine"/>): GIN alone cannot return matches
    /// newest first, and intersecting a word with a stretch's marker reads only that stretch's matches.
    /// </summary>
    public const int StretchBits = 14;

    /// <summary>Markers start with characters that <c>rapport_search_text</c> turns into spaces, so no typed word is one.</summary>
    public static string StretchMarker(long number) => "~b" + (number >> StretchBits).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string StatusMarker(Tickets.TicketStatus status) => "~s" + status.ToString().ToLowerInvariant();

    private static string Words(string text, char weight) => $"setweight(to_tsvector('simple', rapport_search_text({text})), '{weight}')";

    private static string TagsOf(string ticket) =>
        $"""coalesce((SELECT string_agg("Name", ' ') FROM "TicketTags" WHERE "TicketNumber" = {ticket}), '')""";

    /// <summary>
    /// One ticket's vector from its rows: the subject (weight A), tags (B), then every message oldest first, public replies
    /// C and internal notes D, then the markers, which have no position. A new message appends its words to this
    /// (<c>rapport_ticket_search_messages</c>), which gives the same vector as writing it afresh.
    /// </summary>
    private static string TicketVector(string ticket, string subject, string status) => $"""
        rapport_tsvector_append(rapport_tsvector_append({Words(subject, 'A')}, {Words(TagsOf(ticket), 'B')}),
            coalesce((SELECT rapport_tsvector_agg(rapport_message_words(m."BodyText", m."Visibility") ORDER BY m."Id") FROM "Messages" m WHERE m."TicketNumber" = {ticket}), ''))
        || rapport_ticket_markers({ticket}, {status})
        """;

    /// <summary>Writes the rows of the tickets <paramref name="where"/> selects afresh (inserting them if missing).</summary>
    public static string RebuildTickets(string where) => $"""
        INSERT INTO ticket_search (ticket_number, everything)
        SELECT t."Number", {TicketVector("t.\"Number\"", "t.\"Subject\"", "t.\"Status\"")} FROM "Tickets" t WHERE {where}
        ON CONFLICT (ticket_number) DO UPDATE SET everything = excluded.everything
        """;

    /// <summary>Writes customers' rows afresh from their rows; <c>phones</c> holds each number as written and as digits.</summary>
    public static string RebuildCustomers(string where) => $"""
        INSERT INTO customer_search (customer_id, name, emails, phones, organisation)
        SELECT c."Id", c."Name",
            coalesce((SELECT string_agg(e."Address", ' ') FROM "CustomerEmails" e WHERE e."CustomerId" = c."Id"), ''),
            coalesce((SELECT string_agg(p."Number" || ' ' || regexp_replace(p."Number", '[^0-9]', '', 'g'), ' ') FROM "CustomerPhones" p WHERE p."CustomerId" = c."Id"), ''),
            coalesce((SELECT o."Name" FROM "Organisations" o WHERE o."Id" = c."OrganisationId"), '')
        FROM "Customers" c WHERE {where}
        ON CONFLICT (customer_id) DO UPDATE SET name = excluded.name, emails = excluded.emails, phones = excluded.phones,
            organisation = excluded.organisation
        """;

    /// <summary>Indexes what a database already holds when the index is created.</summary>
    public static readonly string[] Fill = [RebuildTickets("true"), RebuildCustomers("true")];

    public static string[] Create => [.. Functions, .. TicketIndex, .. CustomerIndex];

    /// <summary>Functions both indexes use; <c>CREATE OR REPLACE</c>, so a migration that rebuilds one index may run them again.</summary>
    private static readonly string[] Functions =
    [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        $"""
        CREATE OR REPLACE FUNCTION rapport_search_text(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary,
            translate(left($1, {SearchText.MaxIndexedCharacters}), '{SearchText.AsciiPunctuation.Replace("'", "''", StringComparison.Ordinal)}', '{new string(' ', SearchText.AsciiPunctuation.Length)}')) $$
        """,
        // A tsvector may hold at most 1 MB of words: past that, a ticket's later words are left out rather than its new
        // message refused. Only a very long ticket pays for the subtransaction that catches it.
        """
        CREATE OR REPLACE FUNCTION rapport_tsvector_append(tsvector, tsvector) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
        BEGIN
            IF length($1) + length($2) < 4000 THEN RETURN $1 || $2; END IF;
            BEGIN
                RETURN $1 || $2;
            EXCEPTION WHEN OTHERS THEN
                RETURN $1;
            END;
        END $$
        """,
        """
        CREATE OR REPLACE AGGREGATE rapport_tsvector_agg(tsvector) (SFUNC = rapport_tsvector_append, STYPE = tsvector, INITCOND = '')
        """,
        """
        CREATE OR REPLACE FUNCTION rapport_message_words(body text, visibility text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT setweight(to_tsvector('simple', rapport_search_text(coalesce(body, ''))), CASE WHEN visibility = 'Public' THEN 'C' ELSE 'D' END::"char") $$
        """,
        $"""
        CREATE OR REPLACE FUNCTION rapport_ticket_markers(number bigint, status text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT array_to_tsvector(ARRAY['~b' || (number >> {StretchBits}), '~s' || lower(status)]) $$
        """,
    ];

    /// <summary>
    /// The tickets' index: one narrow row per ticket, its number and one vector (no text: passages are cut from the
    /// messages themselves), so the rows a search reads stay small. Customers' searches keep to weights A and C.
    /// </summary>
    private static string[] TicketIndex =>
    [
        """
        CREATE TABLE ticket_search (
            ticket_number bigint PRIMARY KEY REFERENCES "Tickets" ("Number") ON DELETE CASCADE,
            everything tsvector NOT NULL
        )
        """,
        "CREATE INDEX ix_ticket_search_everything ON ticket_search USING gin (everything)",

        $$"""
        CREATE FUNCTION rapport_ticket_search_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF {{Paused}} THEN RETURN NULL; END IF;
            IF TG_OP = 'INSERT' OR NEW."Subject" IS DISTINCT FROM OLD."Subject" THEN
                {{RebuildTickets("t.\"Number\" = NEW.\"Number\"")}};
            ELSIF NEW."Status" IS DISTINCT FROM OLD."Status" THEN
                UPDATE ticket_search SET everything = ts_delete(everything, '~s' || lower(OLD."Status")) || rapport_ticket_markers(NEW."Number", NEW."Status")
                    WHERE ticket_number = NEW."Number";
            END IF;
            RETURN NULL;
        END $$
        """,
        """CREATE TRIGGER ticket_search_ticket AFTER INSERT OR UPDATE OF "Subject", "Status" ON "Tickets" FOR EACH ROW EXECUTE FUNCTION rapport_ticket_search_ticket()""",

        $$"""
        CREATE FUNCTION rapport_ticket_search_tags() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE changed bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD."TicketNumber" ELSE NEW."TicketNumber" END;
        BEGIN
            IF {{Paused}} THEN RETURN NULL; END IF;
            {{RebuildTickets("t.\"Number\" = changed")}};
            RETURN NULL;
        END $$
        """,
        """CREATE TRIGGER ticket_search_tags AFTER INSERT OR DELETE ON "TicketTags" FOR EACH ROW EXECUTE FUNCTION rapport_ticket_search_tags()""",

        MessagesFunction,
        """CREATE TRIGGER ticket_search_messages AFTER INSERT OR DELETE OR UPDATE OF "BodyText", "Visibility", "TicketNumber" ON "Messages" FOR EACH ROW EXECUTE FUNCTION rapport_ticket_search_messages()""",
    ];

    /// <summary>
    /// A new message is the common case: its words are appended, and the rest of the ticket is not read again; the same
    /// words go to the "did you mean" word list (<c>rapport_add_search_words</c>, <c>Spelling/PostgresSpellingSchema</c>),
    /// so a reply is tokenised once. An edit, erasure or removal writes the ticket's vector afresh from its rows, so
    /// nothing stale stays findable (the word list's own trigger takes the edited text).
    /// </summary>
    private static string MessagesFunction => $$"""
        CREATE OR REPLACE FUNCTION rapport_ticket_search_messages() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE words tsvector;
        BEGIN
            IF {{Paused}} THEN RETURN NULL; END IF;
            IF TG_OP = 'INSERT' THEN
                words := rapport_message_words(NEW."BodyText", NEW."Visibility");
                UPDATE ticket_search SET everything = rapport_tsvector_append(everything, words) WHERE ticket_number = NEW."TicketNumber";
                PERFORM rapport_add_search_words(words, NEW."Visibility" = 'Public');
                RETURN NULL;
            END IF;
            {{RebuildTickets("t.\"Number\" = OLD.\"TicketNumber\"")}};
            IF TG_OP = 'UPDATE' AND NEW."TicketNumber" <> OLD."TicketNumber" THEN
                {{RebuildTickets("t.\"Number\" = NEW.\"TicketNumber\"")}};
            END IF;
            RETURN NULL;
        END $$
        """;

    /// <summary>The message trigger's function written anew: <c>MessageWordsOnce</c> made it hand its words to the word list.</summary>
    public static string[] ReplaceMessagesFunction => [MessagesFunction];

    private static string[] CustomerIndex =>
    [
        $"""
        CREATE TABLE customer_search (
            customer_id bigint PRIMARY KEY REFERENCES "Customers" ("Id") ON DELETE CASCADE,
            name text NOT NULL,
            emails text NOT NULL DEFAULT '',
            phones text NOT NULL DEFAULT '',
            organisation text NOT NULL DEFAULT '',
            everything tsvector GENERATED ALWAYS AS ({Words("name", 'A')} || {Words("emails", 'A')} || {Words("phones", 'B')} || {Words("organisation", 'C')}) STORED
        )
        """,
        "CREATE INDEX ix_customer_search_everything ON customer_search USING gin (everything)",

        // Customers: any change to a customer, their addresses or phones, or their organisation's name rewrites their row.
        $$"""
        CREATE FUNCTION rapport_customer_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF {{Paused}} THEN RETURN NULL; END IF;
            IF TG_TABLE_NAME = 'Customers' THEN
                IF TG_OP <> 'DELETE' THEN {{RebuildCustomers("c.\"Id\" = NEW.\"Id\"")}}; END IF;
            ELSIF TG_TABLE_NAME = 'Organisations' THEN
                UPDATE customer_search SET organisation = NEW."Name" WHERE customer_id IN (SELECT "Id" FROM "Customers" WHERE "OrganisationId" = NEW."Id");
            ELSE
                IF TG_OP <> 'INSERT' THEN {{RebuildCustomers("c.\"Id\" = OLD.\"CustomerId\"")}}; END IF;
                IF TG_OP <> 'DELETE' THEN {{RebuildCustomers("c.\"Id\" = NEW.\"CustomerId\"")}}; END IF;
            END IF;
            RETURN NULL;
        END $$
        """,
        """CREATE TRIGGER customer_search_customer AFTER INSERT OR UPDATE OF "Name", "OrganisationId" ON "Customers" FOR EACH ROW EXECUTE FUNCTION rapport_customer_search()""",
        """CREATE TRIGGER customer_search_emails AFTER INSERT OR UPDATE OR DELETE ON "CustomerEmails" FOR EACH ROW EXECUTE FUNCTION rapport_customer_search()""",
        """CREATE TRIGGER customer_search_phones AFTER INSERT OR UPDATE OR DELETE ON "CustomerPhones" FOR EACH ROW EXECUTE FUNCTION rapport_customer_search()""",
        """CREATE TRIGGER customer_search_organisation AFTER UPDATE OF "Name" ON "Organisations" FOR EACH ROW EXECUTE FUNCTION rapport_customer_search()""",
    ];

    /// <summary>
    /// Removes the tickets' index (triggers, functions, table) and nothing else, for a migration that writes it anew:
    /// the table had the tickets' text and two vectors before <c>SearchIndexByRecency</c>.
    /// </summary>
    public static readonly string[] DropTickets =
    [
        """DROP TRIGGER IF EXISTS ticket_search_ticket ON "Tickets" """,
        """DROP TRIGGER IF EXISTS ticket_search_tags ON "TicketTags" """,
        """DROP TRIGGER IF EXISTS ticket_search_messages ON "Messages" """,
        "DROP FUNCTION IF EXISTS rapport_ticket_search_ticket()",
        "DROP FUNCTION IF EXISTS rapport_ticket_search_tags()",
        "DROP FUNCTION IF EXISTS rapport_ticket_search_messages()",
        "DROP TABLE IF EXISTS ticket_search",
    ];

    /// <summary>The tickets' index written anew, with the functions it needs, and filled.</summary>
    public static string[] RecreateTickets => [.. DropTickets, .. Functions, .. TicketIndex, RebuildTickets("true")];

    public static readonly string[] Drop =
    [
        .. DropTickets,
        """DROP TRIGGER IF EXISTS customer_search_customer ON "Customers" """,
        """DROP TRIGGER IF EXISTS customer_search_emails ON "CustomerEmails" """,
        """DROP TRIGGER IF EXISTS customer_search_phones ON "CustomerPhones" """,
        """DROP TRIGGER IF EXISTS customer_search_organisation ON "Organisations" """,
        "DROP FUNCTION IF EXISTS rapport_customer_search()",
        "DROP TABLE IF EXISTS customer_search",
        "DROP AGGREGATE IF EXISTS rapport_tsvector_agg(tsvector)",
        "DROP FUNCTION IF EXISTS rapport_tsvector_append(tsvector, tsvector)",
        "DROP FUNCTION IF EXISTS rapport_message_words(text, text)",
        "DROP FUNCTION IF EXISTS rapport_ticket_markers(bigint, text)",
        "DROP FUNCTION IF EXISTS rapport_search_text(text)",
    ];
}
