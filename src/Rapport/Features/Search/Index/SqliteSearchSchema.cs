namespace Rapport.Features.Search.Index;

/// <summary>
/// The full-text index on SQLite (decision 0008): FTS5 tables kept current by triggers, so every path that writes a
/// ticket or a customer — use cases, bulk updates, mail intake, erasure — changes the index in its own transaction.
/// Called from the provider's migration; the tables are outside the EF model.
/// </summary>
/// <remarks>
/// A trigger fires only while <c>search_upkeep.paused</c> is 0. The demo seeder sets it to 1 inside its own write
/// transaction and rebuilds its batch before committing, so no other writer ever sees it paused (SQLite has one writer).
/// </remarks>
public static class SqliteSearchSchema
{
    private const string Upkeep = "(SELECT paused FROM search_upkeep) = 0";

    /// <summary>The text of one ticket's messages of one visibility, oldest first.</summary>
    private static string MessagesOf(string ticket, string visibility) =>
        $"coalesce((SELECT group_concat(BodyText, ' ') FROM (SELECT BodyText FROM Messages WHERE TicketNumber = {ticket} AND Visibility = '{visibility}' ORDER BY Id)), '')";

    private static string TagsOf(string ticket) =>
        $"coalesce((SELECT group_concat(Name, ' ') FROM TicketTags WHERE TicketNumber = {ticket}), '')";

    /// <summary>Customers' searchable columns, from their rows; <c>phones</c> holds each number as written and as digits.</summary>
    private static string CustomerRows(string where) => $"""
        SELECT c.Id, c.Name,
            coalesce((SELECT group_concat(Address, ' ') FROM CustomerEmails WHERE CustomerId = c.Id), ''),
            coalesce((SELECT group_concat(Number || ' ' || {SearchText.SqliteDigits("Number")}, ' ') FROM CustomerPhones WHERE CustomerId = c.Id), ''),
            coalesce((SELECT o.Name FROM Organisations o WHERE o.Id = c.OrganisationId), '')
        FROM Customers c WHERE {where}
        """;

    private static string CustomerRow(string customer) => CustomerRows($"c.Id = {customer}");

    /// <summary>
    /// The <c>fields</c> column's words for a ticket: its status as one word ("statusopen"), so that FTS5 intersects a
    /// <c>status:</c> filter with the words (<see cref="TextQuery.Statuses"/>). Typed words are matched only in the text
    /// columns, so no one finds a ticket by typing a marker.
    /// </summary>
    private static string Fields(string status) => $"'status' || lower({status})";

    public static string StatusMarker(Tickets.TicketStatus status) => "status" + status.ToString().ToLowerInvariant();

    /// <summary>Tickets' searchable columns, from their rows.</summary>
    private static string TicketRows(string where) => $"""
        SELECT t.Number, t.Subject, {TagsOf("t.Number")}, {MessagesOf("t.Number", "Public")}, {MessagesOf("t.Number", "Internal")}, {Fields("t.Status")}
        FROM Tickets t WHERE {where}
        """;

    /// <summary>Writes the rows of the tickets whose number is in [<paramref name="from"/>, <paramref name="to"/>) afresh.</summary>
    public static string[] RebuildTickets(string from, string to) =>
    [
        $"DELETE FROM ticket_search WHERE rowid >= {from} AND rowid < {to}",
        $"INSERT INTO ticket_search (rowid, subject, tags, public_text, internal_text, fields) {TicketRows($"t.Number >= {from} AND t.Number < {to}")}",
    ];

    /// <summary>Writes the rows of the customers whose id is in [<paramref name="from"/>, <paramref name="to"/>) afresh.</summary>
    public static string[] RebuildCustomers(string from, string to) =>
    [
        $"DELETE FROM customer_search WHERE rowid >= {from} AND rowid < {to}",
        $"INSERT INTO customer_search (rowid, name, emails, phones, organisation) {CustomerRows($"c.Id >= {from} AND c.Id < {to}")}",
    ];

    /// <summary>Indexes what a database already holds when the index is created.</summary>
    public static readonly string[] Fill =
    [
        .. RebuildTickets("0", "9223372036854775807"),
        .. RebuildCustomers("0", "9223372036854775807"),
    ];

    public static string[] Create => [
        "CREATE TABLE search_upkeep (paused INTEGER NOT NULL)",
        "INSERT INTO search_upkeep (paused) VALUES (0)",
        .. TicketIndex,
        .. CustomerIndex,
    ];

    private static string[] TicketIndex =>
    [
        "CREATE VIRTUAL TABLE ticket_search USING fts5(subject, tags, public_text, internal_text, fields, tokenize = 'unicode61 remove_diacritics 2')",

        $"""
        CREATE TRIGGER ticket_search_ticket_added AFTER INSERT ON Tickets WHEN {Upkeep} BEGIN
            INSERT INTO ticket_search (rowid, subject, tags, public_text, internal_text, fields) VALUES (new.Number, new.Subject, '', '', '', {Fields("new.Status")});
        END
        """,
        $"""
        CREATE TRIGGER ticket_search_subject_changed AFTER UPDATE OF Subject ON Tickets WHEN {Upkeep} AND new.Subject IS NOT old.Subject BEGIN
            UPDATE ticket_search SET subject = new.Subject WHERE rowid = new.Number;
        END
        """,
        $"""
        CREATE TRIGGER ticket_search_status_changed AFTER UPDATE OF Status ON Tickets WHEN {Upkeep} AND new.Status IS NOT old.Status BEGIN
            UPDATE ticket_search SET fields = {Fields("new.Status")} WHERE rowid = new.Number;
        END
        """,
        "CREATE TRIGGER ticket_search_ticket_removed AFTER DELETE ON Tickets BEGIN DELETE FROM ticket_search WHERE rowid = old.Number; END",

        // Tags are few: the column is written afresh from the ticket's rows.
        $"""
        CREATE TRIGGER ticket_search_tag_added AFTER INSERT ON TicketTags WHEN {Upkeep} BEGIN
            UPDATE ticket_search SET tags = {TagsOf("new.TicketNumber")} WHERE rowid = new.TicketNumber;
        END
        """,
        $"""
        CREATE TRIGGER ticket_search_tag_removed AFTER DELETE ON TicketTags WHEN {Upkeep} BEGIN
            UPDATE ticket_search SET tags = {TagsOf("old.TicketNumber")} WHERE rowid = old.TicketNumber;
        END
        """,

        // A new message is the common case: append its text rather than read every message of the ticket again.
        $"""
        CREATE TRIGGER ticket_search_message_added AFTER INSERT ON Messages WHEN {Upkeep} BEGIN
            UPDATE ticket_search SET public_text = public_text || ' ' || new.BodyText WHERE rowid = new.TicketNumber AND new.Visibility = 'Public';
            UPDATE ticket_search SET internal_text = internal_text || ' ' || new.BodyText WHERE rowid = new.TicketNumber AND new.Visibility = 'Internal';
        END
        """,
        // An edit or an erasure rewrites both texts of the ticket (or tickets) from their rows: nothing stale stays findable.
        $"""
        CREATE TRIGGER ticket_search_message_changed AFTER UPDATE OF BodyText, Visibility, TicketNumber ON Messages WHEN {Upkeep} BEGIN
            UPDATE ticket_search SET public_text = {MessagesOf("old.TicketNumber", "Public")}, internal_text = {MessagesOf("old.TicketNumber", "Internal")} WHERE rowid = old.TicketNumber;
            UPDATE ticket_search SET public_text = {MessagesOf("new.TicketNumber", "Public")}, internal_text = {MessagesOf("new.TicketNumber", "Internal")} WHERE rowid = new.TicketNumber AND new.TicketNumber <> old.TicketNumber;
        END
        """,
        $"""
        CREATE TRIGGER ticket_search_message_removed AFTER DELETE ON Messages WHEN {Upkeep} BEGIN
            UPDATE ticket_search SET public_text = {MessagesOf("old.TicketNumber", "Public")}, internal_text = {MessagesOf("old.TicketNumber", "Internal")} WHERE rowid = old.TicketNumber;
        END
        """,

    ];

    private static string[] CustomerIndex =>
    [
        "CREATE VIRTUAL TABLE customer_search USING fts5(name, emails, phones, organisation, tokenize = 'unicode61 remove_diacritics 2')",

        // Customers: any change to a customer, their addresses, phones or organisation's name rewrites their row.
        $"""
        CREATE TRIGGER customer_search_customer_added AFTER INSERT ON Customers WHEN {Upkeep} BEGIN
            INSERT INTO customer_search (rowid, name, emails, phones, organisation) {CustomerRow("new.Id")};
        END
        """,
        $"""
        CREATE TRIGGER customer_search_customer_changed AFTER UPDATE OF Name, OrganisationId ON Customers WHEN {Upkeep} BEGIN
            DELETE FROM customer_search WHERE rowid = new.Id;
            INSERT INTO customer_search (rowid, name, emails, phones, organisation) {CustomerRow("new.Id")};
        END
        """,
        "CREATE TRIGGER customer_search_customer_removed AFTER DELETE ON Customers BEGIN DELETE FROM customer_search WHERE rowid = old.Id; END",
        .. CustomerChildTriggers("CustomerEmails", "email"),
        .. CustomerChildTriggers("CustomerPhones", "phone"),
        $"""
        CREATE TRIGGER customer_search_organisation_renamed AFTER UPDATE OF Name ON Organisations WHEN {Upkeep} AND new.Name IS NOT old.Name BEGIN
            UPDATE customer_search SET organisation = new.Name WHERE rowid IN (SELECT Id FROM Customers WHERE OrganisationId = new.Id);
        END
        """,
    ];

    private static string[] CustomerChildTriggers(string table, string name) =>
    [
        $"""
        CREATE TRIGGER customer_search_{name}_added AFTER INSERT ON {table} WHEN {Upkeep} BEGIN
            DELETE FROM customer_search WHERE rowid = new.CustomerId;
            INSERT INTO customer_search (rowid, name, emails, phones, organisation) {CustomerRow("new.CustomerId")};
        END
        """,
        $"""
        CREATE TRIGGER customer_search_{name}_changed AFTER UPDATE ON {table} WHEN {Upkeep} BEGIN
            DELETE FROM customer_search WHERE rowid IN (old.CustomerId, new.CustomerId);
            INSERT INTO customer_search (rowid, name, emails, phones, organisation) {CustomerRow("old.CustomerId")};
            INSERT INTO customer_search (rowid, name, emails, phones, organisation) {CustomerRow("new.CustomerId")} AND new.CustomerId <> old.CustomerId;
        END
        """,
        $"""
        CREATE TRIGGER customer_search_{name}_removed AFTER DELETE ON {table} WHEN {Upkeep} BEGIN
            DELETE FROM customer_search WHERE rowid = old.CustomerId;
            INSERT INTO customer_search (rowid, name, emails, phones, organisation) {CustomerRow("old.CustomerId")};
        END
        """,
    ];

    /// <summary>Removes the tickets' index (triggers and table) and nothing else, for a migration that writes it anew.</summary>
    public static readonly string[] DropTickets =
    [
        .. new[] { "ticket_added", "subject_changed", "status_changed", "ticket_removed", "tag_added", "tag_removed", "message_added", "message_changed", "message_removed" }
            .Select(t => $"DROP TRIGGER IF EXISTS ticket_search_{t}"),
        "DROP TABLE IF EXISTS ticket_search",
    ];

    /// <summary>The tickets' index written anew and filled: <c>SearchIndexByRecency</c> added the status column.</summary>
    public static string[] RecreateTickets => [.. DropTickets, .. TicketIndex, .. RebuildTickets("0", "9223372036854775807")];

    public static readonly string[] Drop =
    [
        .. DropTickets,
        .. new[] { "customer_added", "customer_changed", "customer_removed", "email_added", "email_changed", "email_removed",
                "phone_added", "phone_changed", "phone_removed", "organisation_renamed" }
            .Select(t => $"DROP TRIGGER IF EXISTS customer_search_{t}"),
        "DROP TABLE IF EXISTS customer_search",
        "DROP TABLE IF EXISTS search_upkeep",
    ];
}
