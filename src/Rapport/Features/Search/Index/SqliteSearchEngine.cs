using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

// Only names of our own columns and placeholders are put into these statements; every value the user typed goes in as a
// parameter (TextQuery, TsQuery), and ticket numbers are formatted longs.
#pragma warning disable EF1002, EF1003

namespace Rapport.Features.Search.Index;

/// <summary>Full-text search on SQLite's FTS5 (<see cref="SqliteSearchSchema"/>).</summary>
internal sealed class SqliteSearchEngine(RapportDbContext db) : ISearchEngine
{
    private static readonly string[] PublicColumns = ["subject", "public_text"];
    private static readonly string[] TextColumns = ["subject", "tags", "public_text", "internal_text"];
    private const int PublicTextColumn = 2;

    // bm25's column weights: a word in the subject counts most, then the tags, then the conversation; the fields not at all.
    public IQueryable<TextMatch> MatchTickets(TextQuery query, TicketText text, NumberStretch? stretch = null)
    {
        var (from, before) = stretch is { } s ? (s.From, s.Before) : (0, long.MaxValue);
        return db.Database.SqlQuery<TextMatch>(
            $"SELECT rowid AS Id, bm25(ticket_search, 10.0, 5.0, 1.0, 1.0, 0.0) AS Rank FROM ticket_search WHERE ticket_search MATCH {Fts5(query, text)} AND rowid >= {from} AND rowid < {before}");
    }

    /// <summary>FTS5 walks its index newest first when asked to order by rowid descending, and stops when it has enough.</summary>
    public int? StretchBits => null;

    public IQueryable<TextMatch> MatchCustomers(TextQuery query) => db.Database.SqlQuery<TextMatch>(
        $"SELECT rowid AS Id, bm25(customer_search, 10.0, 8.0, 4.0, 2.0) AS Rank FROM customer_search WHERE customer_search MATCH {query.ToFts5()}");

    public async Task<IReadOnlyDictionary<long, string>> TicketSnippetsAsync(TextQuery query, TicketText text, IReadOnlyCollection<long> numbers, CancellationToken ct)
    {
        if (numbers.Count == 0 || !query.HasTerms) return new Dictionary<long, string>();
        // Customers' passages come from the public conversation only; staff get the column that matched best.
        var column = text == TicketText.PublicOnly ? PublicTextColumn : -1;
        // The numbers go in as one JSON parameter, so the statement's text (and EF's compiled query) is the same every time.
        var list = "[" + string.Join(',', numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))) + "]";
        var rows = await db.Database.SqlQueryRaw<SnippetRow>(
            $"SELECT rowid AS Id, snippet(ticket_search, {column}, char({(int)Highlight.Start}), char({(int)Highlight.End}), '…', 16) AS Text " +
            "FROM ticket_search WHERE ticket_search MATCH {0} AND rowid IN (SELECT value FROM json_each({1}))", Fts5(query.WordsOnly(), text), list).ToListAsync(ct);
        return rows.Where(r => !string.IsNullOrWhiteSpace(r.Text)).ToDictionary(r => r.Id, r => r.Text!);
    }

    public async Task RebuildAsync(SearchIndexPart part, long from, long to, CancellationToken ct)
    {
        var (start, end) = (from.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture));
        var statements = part == SearchIndexPart.Tickets ? SqliteSearchSchema.RebuildTickets(start, end) : SqliteSearchSchema.RebuildCustomers(start, end);
        foreach (var statement in statements) await db.Database.ExecuteSqlRawAsync(statement, ct);
    }

    public Task PauseUpkeepInTransactionAsync(CancellationToken ct) => db.Database.ExecuteSqlRawAsync("UPDATE search_upkeep SET paused = 1", ct);

    public Task ResumeUpkeepInTransactionAsync(CancellationToken ct) => db.Database.ExecuteSqlRawAsync("UPDATE search_upkeep SET paused = 0", ct);

    /// <summary>The words in the text columns the searcher may read, and the status markers in <c>fields</c>.</summary>
    private static string Fts5(TextQuery query, TicketText text)
    {
        var words = query.ToFts5(text == TicketText.PublicOnly ? PublicColumns : TextColumns);
        return query.Statuses.Count == 0 ? words
            : $"{words} AND fields : ({string.Join(" OR ", query.Statuses.Select(s => SqliteSearchSchema.StatusMarker(s)))})";
    }
}

/// <summary>A snippet as the database returns it, with sentinels around the matched words.</summary>
internal sealed class SnippetRow
{
    public long Id { get; init; }
    public string? Text { get; init; }
}
