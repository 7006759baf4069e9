namespace Rapport.Features.Search.Index;

/// <summary>
/// The full-text index on PostgreSQL (decision 0008): tables with stored <c>tsvector</c> columns and GIN indexes, kept
/// current by triggers, so the index changes in the transaction that changes the ticket or customer, on every path.
/// Called from the provider's migration; the tables are outside the EF model.
/// </summary>
/// <remarks>
/// Text and queries go through <c>rapport_search_text</c>: punctuation becomes space and accents go, as in FTS5's
/// <c>unicode61 remove_diacritics</c> tokenizer on SQLite (so "ann@example.com" is the words ann, example, com on both), and
/// at most <see cref="SearchText.MaxIndexedCharacters"/> characters per column, since a <c>tsvector</c> is limited to 1 MB and
/// an over-long one would refuse the message that made it so. A trigger does nothing while the transaction has set
/// <c>rapport.search_upkeep</c> to <c>off</c> (<c>SET LOCAL</c>, seen by no one else): the demo seeder's bulk load does,
/// and rebuilds its batch before committing.
/// </remarks>
public static class PostgresSearchSchema
{
    private const string Paused = "current_setting('rapport.search_upkeep', true) = 'off'";

    private static string Vector(string column, char weight) => $"setweight(to_tsvector('simple', rapport_search_text({column})), '{weight}')";

    /// <summary>The text of one ticket's messages of one visibility, oldest first.</summary>
    private static string MessagesOf(string ticket, string visibility) =>
        $"""coalesce((SELECT string_agg("BodyText", ' ' ORDER BY "Id") FROM "Messages" WHERE "TicketNumber" = {ticket} AND "Visibility" = '{visibility}'), '')""";

    private static string TagsOf(string ticket) =>
        $"""coalesce((SELECT string_agg("Name", ' ') FROM "TicketTags" WHERE "TicketNumber" = {ticket}), '')""";

    /// <summary>Writes one ticket's row afresh from its rows (inserting it if missing).</summary>
    public static string RebuildTickets(string where) => $"""
        INSERT INTO ticket_search (ticket_number, subject, tags, public_text, internal_text)
        SELECT t."Number", t."Subject", {TagsOf("t.\"Number\"")}, {MessagesOf("t.\"Number\"", "Public")}, {MessagesOf("t.\"Number\"", "Internal")}
        FROM "Tickets" t WHERE {where}
        ON CONFLICT (ticket_number) DO UPDATE SET subject = excluded.subject, tags = excluded.tags,
            public_text = excluded.public_text, internal_text = excluded.internal_text
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

    public static readonly string[] Create =
    [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        $"""
        CREATE FUNCTION rapport_search_text(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary,
            translate(left($1, {SearchText.MaxIndexedCharacters}), '{SearchText.AsciiPunctuation.Replace("'", "''", StringComparison.Ordinal)}', '{new string(' ', SearchText.AsciiPunctuation.Length)}')) $$
        """,
        $"""
        CREATE TABLE ticket_search (
            ticket_number bigint PRIMARY KEY REFERENCES "Tickets" ("Number") ON DELETE CASCADE,
            subject text NOT NULL,
            tags text NOT NULL DEFAULT '',
            public_text text NOT NULL DEFAULT '',
            internal_text text NOT NULL DEFAULT '',
            everything tsvector GENERATED ALWAYS AS ({Vector("subject", 'A')} || {Vector("tags", 'B')} || {Vector("public_text", 'C')} || {Vector("internal_text", 'D')}) STORED,
            public_only tsvector GENERATED ALWAYS AS ({Vector("subject", 'A')} || {Vector("public_text", 'C')}) STORED
        )
        """,
        "CREATE INDEX ix_ticket_search_everything ON ticket_search USING gin (everything)",
        "CREATE INDEX ix_ticket_search_public_only ON ticket_search USING gin (public_only)",
        $"""
        CREATE TABLE customer_search (
            customer_id bigint PRIMARY KEY REFERENCES "Customers" ("Id") ON DELETE CASCADE,
            name text NOT NULL,
            emails text NOT NULL DEFAULT '',
            phones text NOT NULL DEFAULT '',
            organisation text NOT NULL DEFAULT '',
            everything tsvector GENERATED ALWAYS AS ({Vector("name", 'A')} || {Vector("emails", 'A')} || {Vector("phones", 'B')} || {Vector("organisation", 'C')}) STORED
        )
        """,
        "CREATE INDEX ix_customer_search_everything ON customer_search USING gin (everything)",

        $$"""
        CREATE FUNCTION rapport_ticket_search_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF {{Paused}} THEN RETURN NULL; END IF;
            IF TG_OP = 'INSERT' THEN
                INSERT INTO ticket_search (ticket_number, subject) VALUES (NEW."Number", NEW."Subject");
            ELSIF NEW."Subject" IS DISTINCT FROM OLD."Subject" THEN
                UPDATE ticket_search SET subject = NEW."Subject" WHERE ticket_number = NEW."Number";
            END IF;
            RETURN NULL;
        END $$
        """,
        """CREATE TRIGGER ticket_search_ticket AFTER INSERT OR UPDATE OF "Subject" ON "Tickets" FOR EACH ROW EXECUTE FUNCTION rapport_ticket_search_ticket()""",

        $$"""
        CREATE FUNCTION rapport_ticket_search_tags() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE changed bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD."TicketNumber" ELSE NEW."TicketNumber" END;
        BEGIN
            IF {{Paused}} THEN RETURN NULL; END IF;
            UPDATE ticket_search SET tags = {{TagsOf("changed")}} WHERE ticket_number = changed;
            RETURN NULL;
        END $$
        """,
        """CREATE TRIGGER ticket_search_tags AFTER INSERT OR DELETE ON "TicketTags" FOR EACH ROW EXECUTE FUNCTION rapport_ticket_search_tags()""",

        // A new message is the common case: append its text. An edit, erasure or removal rewrites both texts from the rows.
        $$"""
        CREATE FUNCTION rapport_ticket_search_messages() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF {{Paused}} THEN RETURN NULL; END IF;
            IF TG_OP = 'INSERT' THEN
                IF NEW."Visibility" = 'Public' THEN
                    UPDATE ticket_search SET public_text = public_text || ' ' || NEW."BodyText" WHERE ticket_number = NEW."TicketNumber";
                ELSE
                    UPDATE ticket_search SET internal_text = internal_text || ' ' || NEW."BodyText" WHERE ticket_number = NEW."TicketNumber";
                END IF;
                RETURN NULL;
            END IF;
            UPDATE ticket_search SET public_text = {{MessagesOf("OLD.\"TicketNumber\"", "Public")}}, internal_text = {{MessagesOf("OLD.\"TicketNumber\"", "Internal")}}
                WHERE ticket_number = OLD."TicketNumber";
            IF TG_OP = 'UPDATE' AND NEW."TicketNumber" <> OLD."TicketNumber" THEN
                UPDATE ticket_search SET public_text = {{MessagesOf("NEW.\"TicketNumber\"", "Public")}}, internal_text = {{MessagesOf("NEW.\"TicketNumber\"", "Internal")}}
                    WHERE ticket_number = NEW."TicketNumber";
            END IF;
            RETURN NULL;
        END $$
        """,
        """CREATE TRIGGER ticket_search_messages AFTER INSERT OR DELETE OR UPDATE OF "BodyText", "Visibility", "TicketNumber" ON "Messages" FOR EACH ROW EXECUTE FUNCTION rapport_ticket_search_messages()""",

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

    public static readonly string[] Drop =
    [
        """DROP TRIGGER IF EXISTS ticket_search_ticket ON "Tickets" """,
        """DROP TRIGGER IF EXISTS ticket_search_tags ON "TicketTags" """,
        """DROP TRIGGER IF EXISTS ticket_search_messages ON "Messages" """,
        """DROP TRIGGER IF EXISTS customer_search_customer ON "Customers" """,
        """DROP TRIGGER IF EXISTS customer_search_emails ON "CustomerEmails" """,
        """DROP TRIGGER IF EXISTS customer_search_phones ON "CustomerPhones" """,
        """DROP TRIGGER IF EXISTS customer_search_organisation ON "Organisations" """,
        "DROP FUNCTION IF EXISTS rapport_ticket_search_ticket()",
        "DROP FUNCTION IF EXISTS rapport_ticket_search_tags()",
        "DROP FUNCTION IF EXISTS rapport_ticket_search_messages()",
        "DROP FUNCTION IF EXISTS rapport_customer_search()",
        "DROP TABLE IF EXISTS ticket_search",
        "DROP TABLE IF EXISTS customer_search",
        "DROP FUNCTION IF EXISTS rapport_search_text(text)",
    ];
}
