using System.Text;
using Rapport.Features.Tickets;

namespace Rapport.Features.Search;

/// <summary>
/// The full-text part of a search: words and phrases that must all occur, and those that must not. The last word may
/// be a prefix (search as you type: "refu" finds "refund"). Terms with no letter or digit are dropped, since neither
/// engine can index them.
/// </summary>
public sealed record TextQuery(IReadOnlyList<SearchTerm> Terms, IReadOnlyList<SearchTerm> Excluded, bool LastIsPrefix = false)
{
    /// <summary>
    /// The statuses a ticket found may have (empty: any). The index holds each ticket's status as a marker, so the engine
    /// intersects it with the words instead of reading every match to test its status (a status holds a few per cent of the
    /// tickets, and a common word a tenth of them). The status is still tested in SQL: the marker only narrows.
    /// </summary>
    public IReadOnlyList<TicketStatus> Statuses { get; init; } = [];

    public static TextQuery From(SearchQuery query, bool lastIsPrefix = false) => new(
        query.Terms.Where(Indexable).ToList(), query.ExcludedTerms.Where(Indexable).ToList(), lastIsPrefix)
    {
        Statuses = query.Status.IsAny ? []
            : (query.Status.AnyOf.Count > 0 ? query.Status.AnyOf : Enum.GetValues<TicketStatus>()).Except(query.Status.NoneOf).Distinct().ToList(),
    };

    public bool HasTerms => Terms.Count > 0;
    public bool IsEmpty => Terms.Count == 0 && Excluded.Count == 0;

    /// <summary>The excluded terms as terms to find: "tickets with any of these", for a search of exclusions alone.</summary>
    public TextQuery AnyOfExcluded() => new(Excluded, [], false);

    /// <summary>The same words without the status markers, for ranking: only what was typed weighs in the order.</summary>
    public TextQuery WordsOnly() => this with { Statuses = [] };

    private static bool Indexable(SearchTerm term) => term.Text.Any(char.IsLetterOrDigit);

    /// <summary>
    /// The query in FTS5's syntax: every term a quoted string (so no user text is read as an operator), phrases kept
    /// together, exclusions as NOT. With <paramref name="columns"/>, matches count only in those columns.
    /// </summary>
    public string ToFts5(IReadOnlyList<string>? columns = null, bool any = false)
    {
        var text = new StringBuilder();
        for (var i = 0; i < Terms.Count; i++)
        {
            if (i > 0) text.Append(any ? " OR " : " ");
            text.Append(Quoted(Terms[i].Text));
            if (LastIsPrefix && i == Terms.Count - 1 && !Terms[i].IsPhrase) text.Append('*');
        }
        var expression = text.ToString();
        if (Excluded.Count > 0) expression = $"({expression}) NOT ({string.Join(" OR ", Excluded.Select(e => Quoted(e.Text)))})";
        return columns is null ? expression : $"{{{string.Join(' ', columns)}}} : ({expression})";
    }

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
