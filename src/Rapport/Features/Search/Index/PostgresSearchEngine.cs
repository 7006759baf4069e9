using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;

// Only names of our own columns and placeholders are put into these statements; every value the user typed goes in as a
// parameter (TextQuery, TsQuery), and ticket numbers are formatted longs.
#pragma warning disable EF1002, EF1003

namespace Rapport.Features.Search.Index;

/// <summary>Full-text search on PostgreSQL's <c>tsvector</c> and GIN (<see cref="PostgresSearchSchema"/>).</summary>
internal sealed class PostgresSearchEngine(RapportDbContext db) : ISearchEngine
{
    public IQueryable<TextMatch> MatchTickets(TextQuery query, TicketText text, NumberStretch? stretch = null)
    {
        var (terms, excluded, parameters) = TsQuery(query);
        var words = excluded is null ? terms : $"{terms} && {excluded}";
        // GIN finds the words, the status markers and the stretch's markers at once; the weights (customers read only the
        // subject and the public replies, A and C) are tested on the rows it found. Markers and numbers go in as
        // parameters too, so that the statement's text, and EF's compiled query, is the same from one search to the next.
        var conditions = new List<string> { text == TicketText.PublicOnly ? terms : words };
        if (query.Statuses.Count > 0) conditions.Add(Parameter(parameters, AnyOf(query.Statuses.Select(PostgresSearchSchema.StatusMarker))) + "::tsquery");
        var range = "";
        if (stretch is { } s && Markers(s) is { } stretchMarkers) conditions.Add(Parameter(parameters, stretchMarkers) + "::tsquery");
        else if (stretch is { } open)
            range = $" AND s.ticket_number + 0 >= {Parameter(parameters, open.From)} AND s.ticket_number + 0 < {Parameter(parameters, open.Before)}";
        var vector = text == TicketText.PublicOnly ? "ts_filter(s.everything, ARRAY['a', 'c']::\"char\"[])" : "s.everything";
        var visible = text == TicketText.PublicOnly ? $" AND {vector} @@ q.words" : "";
        // ts_rank_cd's normalisation 1 divides by the document's length, as bm25 does; negated so that lower is better on both engines.
        return db.Database.SqlQueryRaw<TextMatch>(
            $"""SELECT s.ticket_number AS "Id", -ts_rank_cd({vector}, q.words, 1)::float8 AS "Rank" FROM ticket_search s CROSS JOIN (SELECT {words} AS words, {string.Join(" && ", conditions)} AS query) q WHERE s.everything @@ q.query{visible}{range}""",
            parameters.ToArray());
    }

    /// <summary>
    /// A value as a placeholder EF turns into a parameter. Plain values, not NpgsqlParameters: EF caches a raw query's
    /// compiled form by its text and arguments, and a new parameter object each time would compile it on every search.
    /// </summary>
    private static string Parameter(List<object> parameters, object value)
    {
        parameters.Add(value);
        return $"{{{parameters.Count - 1}}}";
    }

    public int? StretchBits => PostgresSearchSchema.StretchBits;

    /// <summary>
    /// A short stretch as the markers of its parts. A long one (the rest, read in one pass) is a range of numbers tested on
    /// the rows GIN found, written so that the planner does not read the primary key's range as well.
    /// </summary>
    private static string? Markers(NumberStretch stretch)
    {
        var (first, last) = (stretch.From >> PostgresSearchSchema.StretchBits, (stretch.Before - 1) >> PostgresSearchSchema.StretchBits);
        if (last - first >= NewestFirst.MaxStretchesPerPass) return null;
        var markers = new List<string>();
        for (var part = first; part <= last; part++) markers.Add(PostgresSearchSchema.StretchMarker(part << PostgresSearchSchema.StretchBits));
        return AnyOf(markers);
    }

    /// <summary>Markers as a tsquery's text; they are our own words (no user text), each quoted.</summary>
    private static string AnyOf(IEnumerable<string> markers) => string.Join(" | ", markers.Select(m => $"'{m}'"));

    public IQueryable<TextMatch> MatchCustomers(TextQuery query)
    {
        var (terms, excluded, parameters) = TsQuery(query);
        var tsquery = excluded is null ? terms : $"{terms} && {excluded}";
        return db.Database.SqlQueryRaw<TextMatch>(
            $"""SELECT s.customer_id AS "Id", -ts_rank_cd(s.everything, q.query, 1)::float8 AS "Rank" FROM customer_search s CROSS JOIN (SELECT {tsquery} AS query) q WHERE s.everything @@ q.query""",
            parameters.ToArray());
    }

    public async Task<IReadOnlyDictionary<long, string>> TicketSnippetsAsync(TextQuery query, TicketText text, IReadOnlyCollection<long> numbers, CancellationToken ct)
    {
        if (numbers.Count == 0 || !query.HasTerms) return new Dictionary<long, string>();
        var (terms, _, parameters) = TsQuery(query);
        var visibility = text == TicketText.PublicOnly ? """ AND m."Visibility" = 'Public'""" : "";
        var list = Parameter(parameters, numbers.ToArray());
        var options = $"StartSel={Highlight.Start}, StopSel={Highlight.End}, MaxWords=28, MinWords=12, MaxFragments=1, FragmentDelimiter=\" … \"";
        // The index keeps no text: passages are cut from the subject and the messages themselves, only for the page's rows,
        // and only from the start of a very long conversation.
        var rows = await db.Database.SqlQueryRaw<SnippetRow>(
            $"""
            SELECT t."Number" AS "Id", ts_headline('simple', left(t."Subject" || ' ' || coalesce((SELECT string_agg(m."BodyText", ' ' ORDER BY m."Id")
                FROM "Messages" m WHERE m."TicketNumber" = t."Number"{visibility}), ''), 20000), q.query, '{options}') AS "Text"
            FROM "Tickets" t CROSS JOIN (SELECT {terms} AS query) q WHERE t."Number" = ANY({list})
            """,
            parameters.ToArray()).ToListAsync(ct);
        return rows.Where(r => !string.IsNullOrWhiteSpace(r.Text)).ToDictionary(r => r.Id, r => r.Text!);
    }

    public async Task RebuildAsync(SearchIndexPart part, long from, long to, CancellationToken ct)
    {
        var range = part == SearchIndexPart.Tickets
            ? PostgresSearchSchema.RebuildTickets(string.Create(CultureInfo.InvariantCulture, $"""t."Number" >= {from} AND t."Number" < {to}"""))
            : PostgresSearchSchema.RebuildCustomers(string.Create(CultureInfo.InvariantCulture, $"""c."Id" >= {from} AND c."Id" < {to}"""));
        await db.Database.ExecuteSqlRawAsync(range, ct);
    }

    public Task PauseUpkeepInTransactionAsync(CancellationToken ct) => db.Database.ExecuteSqlRawAsync("SET LOCAL rapport.search_upkeep = 'off'", ct);

    public Task ResumeUpkeepInTransactionAsync(CancellationToken ct) => db.Database.ExecuteSqlRawAsync("SET LOCAL rapport.search_upkeep = 'on'", ct);

    /// <summary>
    /// The query as <c>tsquery</c> expressions over parameters: the terms, each through <c>phraseto_tsquery</c> (a phrase
    /// keeps its order, and no user text is read as an operator) joined by &amp;&amp;, and the exclusions as one !!(…), or null.
    /// </summary>
    private static (string Terms, string? Excluded, List<object> Parameters) TsQuery(TextQuery query)
    {
        var parameters = new List<object>();
        string Term(SearchTerm term, bool prefix)
        {
            var name = Parameter(parameters, term.Text);
            var phrase = $"phraseto_tsquery('simple', rapport_search_text({name}))";
            return prefix ? $"(CASE WHEN numnode({phrase}) = 0 THEN {phrase} ELSE ({phrase}::text || ':*')::tsquery END)" : phrase;
        }
        var terms = new StringBuilder();
        for (var i = 0; i < query.Terms.Count; i++)
        {
            if (i > 0) terms.Append(" && ");
            terms.Append(Term(query.Terms[i], query.LastIsPrefix && i == query.Terms.Count - 1 && !query.Terms[i].IsPhrase));
        }
        var excluded = query.Excluded.Count > 0 ? "!!(" + string.Join(" || ", query.Excluded.Select(e => Term(e, false))) + ")" : null;
        return (terms.ToString(), excluded, parameters);
    }
}
