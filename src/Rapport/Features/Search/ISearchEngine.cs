namespace Rapport.Features.Search;

/// <summary>One row a full-text match found: a ticket number or customer id, and how well it matched (lower is better).</summary>
public sealed class TextMatch
{
    public long Id { get; init; }
    public double Rank { get; init; }
}

/// <summary>Which text of a ticket a search reads: staff search everything, customers the subject and public replies.</summary>
public enum TicketText { Everything, PublicOnly }

/// <summary>Ticket numbers from <see cref="From"/> (included) to <see cref="Before"/> (excluded).</summary>
public sealed record NumberStretch(long From, long Before);

/// <summary>
/// The database's own full-text engine, behind one seam (decision 0008): FTS5 on SQLite, <c>tsvector</c> on PostgreSQL.
/// Matches come back as queries, so filters, access rules, order and paging compose with them in one SQL statement.
/// </summary>
public interface ISearchEngine
{
    /// <summary>
    /// Tickets whose text holds the query's terms and none of its exclusions, with one of its statuses, and within
    /// <paramref name="stretch"/> when given. Needs <see cref="TextQuery.HasTerms"/>.
    /// </summary>
    IQueryable<TextMatch> MatchTickets(TextQuery query, TicketText text, NumberStretch? stretch = null);

    /// <summary>
    /// Null when the engine walks its matches newest first by itself and stops when it has enough (FTS5); else the size
    /// of the stretches of numbers its index marks (2^bits), which a search reads newest first (<see cref="NewestFirst"/>).
    /// </summary>
    int? StretchBits { get; }

    /// <summary>Customers whose name, addresses, phones or organisation hold the query's terms.</summary>
    IQueryable<TextMatch> MatchCustomers(TextQuery query);

    /// <summary>A short passage of each ticket's text around the terms, with them marked by <see cref="Highlight"/>'s sentinels.</summary>
    Task<IReadOnlyDictionary<long, string>> TicketSnippetsAsync(TextQuery query, TicketText text, IReadOnlyCollection<long> numbers, CancellationToken ct);

    /// <summary>Writes the index rows of tickets (or customers) with ids in [from, to) afresh from their rows.</summary>
    Task RebuildAsync(SearchIndexPart part, long from, long to, CancellationToken ct);

    /// <summary>
    /// Stops the triggers for the rest of the current transaction, for a bulk load that rebuilds its rows itself before it
    /// commits (<see cref="RebuildAsync"/>). Other transactions never see the index paused.
    /// </summary>
    Task PauseUpkeepInTransactionAsync(CancellationToken ct);

    /// <summary>Lets the triggers run again in the current transaction.</summary>
    Task ResumeUpkeepInTransactionAsync(CancellationToken ct);
}

public enum SearchIndexPart { Tickets, Customers }
