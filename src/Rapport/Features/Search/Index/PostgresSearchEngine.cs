using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rapport.Data;

// Only names of our own columns and placeholders are put into these statements; every value the user typed goes in as a
// parameter (TextQuery, TsQuery), and ticket numbers are formatted longs.
#pragma warning disable EF1002, EF1003

namespace Rapport.Features.Search.Index;

/// <summary>Full-text search on PostgreSQL's <c>tsvector</c> and GIN (<see cref="PostgresSearchSchema"/>).</summary>
internal sealed class PostgresSearchEngine(RapportDbContext db) : ISearchEngine
{
    public IQueryable<TextMatch> MatchTickets(TextQuery query, TicketText text)
    {
        var (tsquery, parameters) = TsQuery(query);
        var vector = Vector(text);
        // ts_rank_cd's normalisation 1 divides by the document's length, as bm25 does; negated so that lower is better on both engines.
        return db.Database.SqlQueryRaw<TextMatch>(
            $"""SELECT s.ticket_number AS "Id", -ts_rank_cd(s.{vector}, q.query, 1)::float8 AS "Rank" FROM ticket_search s CROSS JOIN (SELECT {tsquery} AS query) q WHERE s.{vector} @@ q.query""",
            parameters);
    }

    public IQueryable<TextMatch> MatchCustomers(TextQuery query)
    {
        var (tsquery, parameters) = TsQuery(query);
        return db.Database.SqlQueryRaw<TextMatch>(
            $"""SELECT s.customer_id AS "Id", -ts_rank_cd(s.everything, q.query, 1)::float8 AS "Rank" FROM customer_search s CROSS JOIN (SELECT {tsquery} AS query) q WHERE s.everything @@ q.query""",
            parameters);
    }

    public async Task<IReadOnlyDictionary<long, string>> TicketSnippetsAsync(TextQuery query, TicketText text, IReadOnlyCollection<long> numbers, CancellationToken ct)
    {
        if (numbers.Count == 0 || !query.HasTerms) return new Dictionary<long, string>();
        var (tsquery, parameters) = TsQuery(query);
        var body = text == TicketText.PublicOnly ? "s.public_text" : "s.public_text || ' ' || s.internal_text";
        var list = string.Join(',', numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));
        var options = $"StartSel={Highlight.Start}, StopSel={Highlight.End}, MaxWords=28, MinWords=12, MaxFragments=1, FragmentDelimiter=\" … \"";
        // Headlines read the text itself, so only the page's rows, and only the start of a very long conversation.
        var rows = await db.Database.SqlQueryRaw<SnippetRow>(
            $"""SELECT s.ticket_number AS "Id", ts_headline('simple', left({body}, 20000), q.query, '{options}') AS "Text" FROM ticket_search s CROSS JOIN (SELECT {tsquery} AS query) q WHERE s.ticket_number IN ({list})""",
            parameters).ToListAsync(ct);
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

    private static string Vector(TicketText text) => text == TicketText.PublicOnly ? "public_only" : "everything";

    /// <summary>
    /// The query as a <c>tsquery</c> expression over parameters: each term through <c>phraseto_tsquery</c> (a phrase keeps
    /// its order, and no user text is read as an operator), all of them with &amp;&amp;, exclusions with &amp;&amp; !!.
    /// </summary>
    private static (string Sql, object[] Parameters) TsQuery(TextQuery query)
    {
        var parameters = new List<object>();
        string Term(SearchTerm term, bool prefix)
        {
            var name = $"@t{parameters.Count}";
            parameters.Add(new NpgsqlParameter(name, term.Text));
            var phrase = $"phraseto_tsquery('simple', rapport_search_text({name}))";
            return prefix ? $"(CASE WHEN numnode({phrase}) = 0 THEN {phrase} ELSE ({phrase}::text || ':*')::tsquery END)" : phrase;
        }
        var sql = new StringBuilder();
        for (var i = 0; i < query.Terms.Count; i++)
        {
            if (i > 0) sql.Append(" && ");
            sql.Append(Term(query.Terms[i], query.LastIsPrefix && i == query.Terms.Count - 1 && !query.Terms[i].IsPhrase));
        }
        if (query.Excluded.Count > 0)
            sql.Append(" && !!(").Append(string.Join(" || ", query.Excluded.Select(e => Term(e, false)))).Append(')');
        return (sql.ToString(), parameters.ToArray());
    }
}
