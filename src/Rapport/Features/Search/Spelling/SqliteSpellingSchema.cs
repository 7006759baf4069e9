namespace Rapport.Features.Search.Spelling;

/// <summary>
/// "Did you mean" on SQLite reads FTS5's own vocabulary of the ticket index, per column, so there is nothing to keep
/// current: the words are exactly those the index holds, with how many tickets hold each in each column.
/// </summary>
/// <remarks>
/// A range of terms costs reading their doclists. Measured on the benchmark's million tickets (5 million messages): the
/// terms sharing two first letters ("re": 127 terms, 2.4 million postings under "r") take 30–110 ms, once per misspelt
/// word of a search that found nothing. A word table kept by triggers is not possible without a tokenizer in SQL.
/// </remarks>
public static class SqliteSpellingSchema
{
    public static readonly string[] Create =
    [
        "CREATE VIRTUAL TABLE ticket_search_vocab USING fts5vocab(ticket_search, 'col')",
    ];

    public static readonly string[] Drop =
    [
        "DROP TABLE IF EXISTS ticket_search_vocab",
    ];
}
