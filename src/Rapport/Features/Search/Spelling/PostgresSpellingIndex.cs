using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rapport.Data;

// Only our own column names and constants go into these statements; the words go in as parameters.
#pragma warning disable EF1002, EF1003

namespace Rapport.Features.Search.Spelling;

/// <summary>Candidates from the word list's trigram index (<see cref="PostgresSpellingSchema"/>).</summary>
internal sealed class PostgresSpellingIndex(RapportDbContext db) : ISpellingIndex
{
    /// <summary>
    /// pg_trgm's default threshold (0.3) misses a swap in a short word ("refnud" and "refund" share 3 of 11 trigrams:
    /// 0.27); 0.2 still reads few rows of the trigram index.
    /// </summary>
    private const string Threshold = "0.2";

    /// <summary>
    /// Trigram matches considered, most similar first: enough that the nearest by edits is among them when many words
    /// share trigrams with the one typed (measured: 30–50 ms on a list of 300,000 words).
    /// </summary>
    private const int Considered = 200;

    /// <summary>Tickets counted for a word's frequency: enough to compare words, without reading every match of a common one.</summary>
    public const int CountedTickets = 1_000;

    public async Task<IReadOnlyList<IndexedWord>> CandidatesAsync(string word, TicketText text, CancellationToken ct)
    {
        var publicOnly = text == TicketText.PublicOnly;
        List<string> near;
        // The threshold is set for this transaction only, so no pooled connection keeps it.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT set_config('pg_trgm.similarity_threshold', '{Threshold}', true)", ct);
            near = await db.Database.SqlQueryRaw<string>(
                $"""
                SELECT word AS "Value" FROM (SELECT DISTINCT word FROM search_words WHERE word % @word{(publicOnly ? " AND public" : "")}) w
                ORDER BY similarity(word, @word) DESC, word LIMIT {Considered}
                """, new NpgsqlParameter("word", word)).ToListAsync(ct);
            await transaction.CommitAsync(ct);
        }
        var words = near.Where(w => w == word || SpellingRule.IsNear(word, w)).ToArray();
        if (words.Length == 0) return [];
        // How many tickets hold each word in the text the searcher reads (customers: weights A and C, the subject and
        // public replies), up to CountedTickets.
        var weights = publicOnly ? " || ':AC'" : "";
        return (await db.Database.SqlQueryRaw<WordRow>(
            $"""
            SELECT w AS "Word", (SELECT count(*) FROM (SELECT 1 FROM ticket_search s WHERE s.everything @@ to_tsquery('simple', quote_literal(w){weights}) LIMIT {CountedTickets.ToString(CultureInfo.InvariantCulture)}) c) AS "Tickets"
            FROM unnest(@words) w
            """, new NpgsqlParameter("words", words)).ToListAsync(ct))
            .Select(r => new IndexedWord(r.Word, r.Tickets)).ToList();
    }

    public Task ClearAsync(CancellationToken ct) => db.Database.ExecuteSqlRawAsync("TRUNCATE search_words", ct);

    public Task AddWordsAsync(long from, long to, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(
        PostgresSpellingSchema.AddWords(string.Create(CultureInfo.InvariantCulture, $"s.ticket_number >= {from} AND s.ticket_number < {to}")), ct);
}
