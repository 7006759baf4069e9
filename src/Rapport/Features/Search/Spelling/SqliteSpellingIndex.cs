using Microsoft.EntityFrameworkCore;
using Rapport.Data;

// Only our own column names and constants go into these statements; the words go in as parameters.
#pragma warning disable EF1002, EF1003

namespace Rapport.Features.Search.Spelling;

/// <summary>Candidates from FTS5's vocabulary of the ticket index (<see cref="SqliteSpellingSchema"/>).</summary>
internal sealed class SqliteSpellingIndex(RapportDbContext db) : ISpellingIndex
{
    private const string PublicColumns = "'subject', 'public_text'";
    private const string AllColumns = "'subject', 'tags', 'public_text', 'internal_text'";

    /// <summary>
    /// The terms at most <see cref="SpellingRule.MaxDistance"/> longer or shorter that start as the word does: with its
    /// first two letters, with them swapped ("rfeund"), or with its first and third ("pracel", "pbarcel" for "parcel").
    /// Each is a range of the vocabulary, read in term order. A wrong or missing second letter is not found here (the
    /// trigrams of PostgreSQL find it): the whole range of a first letter reads twenty times as many postings.
    /// </summary>
    public async Task<IReadOnlyList<IndexedWord>> CandidatesAsync(string word, TicketText text, CancellationToken ct)
    {
        var columns = text == TicketText.PublicOnly ? PublicColumns : AllColumns;
        var slack = SpellingRule.MaxDistance(word.Length);
        var found = new List<IndexedWord>();
        foreach (var prefix in new[] { word[..2], string.Concat(word[1], word[0]), string.Concat(word[0], word[2]) }.Distinct(StringComparer.Ordinal))
        {
            // A column's doc counts the tickets that hold the term in it; the most of them is how many hold it at least.
            var rows = await db.Database.SqlQueryRaw<WordRow>(
                $"SELECT term AS Word, max(doc) AS Tickets FROM ticket_search_vocab WHERE term >= {{0}} AND term < {{1}} AND col IN ({columns}) " +
                "AND length(term) BETWEEN {2} AND {3} GROUP BY term",
                prefix, prefix + char.MaxValue, word.Length - slack, word.Length + slack).ToListAsync(ct);
            found.AddRange(rows.Where(r => r.Word == word || SpellingRule.IsNear(word, r.Word)).Select(r => new IndexedWord(r.Word, r.Tickets)));
        }
        return found;
    }

    public Task ClearAsync(CancellationToken ct) => Task.CompletedTask;

    public Task AddWordsAsync(long from, long to, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A word and how many tickets hold it, as the database returns them.</summary>
internal sealed class WordRow
{
    public string Word { get; init; } = "";
    public long Tickets { get; init; }
}
