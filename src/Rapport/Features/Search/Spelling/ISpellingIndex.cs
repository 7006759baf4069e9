namespace Rapport.Features.Search.Spelling;

/// <summary>
/// Where the words of the ticket index come from for "Did you mean …?", one implementation per provider: FTS5's own
/// vocabulary on SQLite, a word list with trigram search (<c>pg_trgm</c>) on PostgreSQL. It only offers candidates;
/// <see cref="SpellingRule"/> chooses.
/// </summary>
public interface ISpellingIndex
{
    /// <summary>
    /// Indexed words that could stand for <paramref name="word"/> (normalised, <see cref="SpellingRule.IsNear"/>), and the
    /// word itself when it is indexed, each with how many tickets hold it in the text the searcher reads.
    /// </summary>
    Task<IReadOnlyList<IndexedWord>> CandidatesAsync(string word, TicketText text, CancellationToken ct);

    /// <summary>Forgets every word, before a reindex writes them again (words of erased or deleted text go).</summary>
    Task ClearAsync(CancellationToken ct);

    /// <summary>Adds the words of the index rows of tickets with numbers in [from, to), after a rebuild or a bulk load.</summary>
    Task AddWordsAsync(long from, long to, CancellationToken ct);
}
