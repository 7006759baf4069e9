namespace Rapport.Features.Search.Index;

/// <summary>What goes into the index besides the words as written.</summary>
public static class SearchText
{
    /// <summary>
    /// PostgreSQL indexes at most this many characters of each column of a ticket (a <c>tsvector</c> is limited to 1 MB);
    /// words past it in a very long ticket are found on SQLite but not on PostgreSQL.
    /// </summary>
    public const int MaxIndexedCharacters = 200_000;

    /// <summary>
    /// PostgreSQL's parser keeps addresses, hosts and hyphenated words whole, where SQLite's tokenizer splits at every
    /// mark: PostgreSQL's text has these turned into spaces first, so both engines see the same words.
    /// </summary>
    public const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private static readonly string[] PhonePunctuation = [" ", "-", "+", "(", ")", ".", "/"];

    /// <summary>SQLite SQL for a phone number's digits alone, so "030 1234-56" is found as "030123456".</summary>
    public static string SqliteDigits(string column) =>
        PhonePunctuation.Aggregate(column, (sql, mark) => $"replace({sql}, '{mark}', '')");
}
