using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;

namespace Rapport.Features.Search.Spelling;

/// <summary>
/// "Did you mean …?" for a ticket search that found nothing: the query with its misspelt free words replaced by the
/// closest indexed words (<see cref="SpellingRule"/>), fields, phrases and exclusions kept as typed. It is offered only
/// when it finds a ticket for this searcher, so it never shows a word from a ticket they may not see, or, for a customer,
/// from an internal note or another customer's request: the search itself, with its access rule, is the check.
/// </summary>
public sealed class SuggestSpelling(ISpellingIndex index, ISearchEngine engine, SearchTickets search)
{
    /// <summary>
    /// Words looked up per search, the first ones typed: each costs a read of the vocabulary (up to a quarter of a second
    /// for a common beginning on SQLite at a million tickets), and a search of many words rarely has them all wrong.
    /// </summary>
    public const int MostWords = 3;

    /// <summary>The corrected query for a first page that came back empty; null when the search found something, or nothing better is known.</summary>
    public async Task<string?> ForAsync(SearchRequest request, TicketSearchPage? found, Actor actor, CancellationToken ct) =>
        found is { Items.Count: 0 } && request.Cursor is null && !string.IsNullOrWhiteSpace(request.Q)
            ? await ExecuteAsync(request.Q, actor, ct)
            : null;

    public async Task<string?> ExecuteAsync(string query, Actor actor, CancellationToken ct)
    {
        var text = actor.IsStaff ? TicketText.Everything : TicketText.PublicOnly;
        var choices = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var word in QueryWords.Free(query).Where(SpellingRule.IsCorrectable).Take(MostWords))
        {
            // Only for staff: for a customer, how common a word is in others' requests must not change the answer.
            if (actor.IsStaff && await InTicketsAsync(word, ct) >= SpellingRule.TakenAsMeant) continue;
            var normalised = SpellingRule.Normalise(word);
            var candidates = await index.CandidatesAsync(normalised, text, ct);
            // A customer's search found nothing, so the word is not in their requests: whether it is in other customers'
            // must not change the answer, or the suggestion would tell them so.
            if (!actor.IsStaff) candidates = candidates.Where(c => c.Word != normalised).ToList();
            var corrections = SpellingRule.Corrections(word, candidates);
            if (corrections.Count > 0) choices[word] = corrections;
        }
        // The best choice for every word first, then the next best for the words that have one (the others keep their last).
        var attempts = choices.Count == 0 ? 0 : choices.Max(c => c.Value.Count);
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var replacements = choices.ToDictionary(c => c.Key, c => c.Value[Math.Min(attempt, c.Value.Count - 1)], StringComparer.Ordinal);
            var suggestion = QueryWords.Replace(query, replacements);
            var result = await search.ExecuteAsync(new SearchRequest(suggestion, Limit: 1), actor, ct);
            if (result.Succeeded && result.Value!.Items.Count > 0) return suggestion;
        }
        return null;
    }

    private Task<int> InTicketsAsync(string word, CancellationToken ct) =>
        engine.MatchTickets(new TextQuery([new SearchTerm(word, false)], []), TicketText.Everything).Take(SpellingRule.TakenAsMeant).CountAsync(ct);
}

public static class SpellingRegistration
{
    public static IServiceCollection AddSpelling(this IServiceCollection services) => services
        .AddScoped<ISpellingIndex>(sp => sp.GetRequiredService<RapportDbContext>() is var db && db.Provider == DatabaseProvider.PostgreSQL
            ? new PostgresSpellingIndex(db)
            : new SqliteSpellingIndex(db))
        .AddScoped<SuggestSpelling>();
}
