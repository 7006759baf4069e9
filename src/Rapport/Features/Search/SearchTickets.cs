using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Search;

public sealed record SearchRequest(string? Q, int? Limit = null, string? Cursor = null, bool Facets = false, bool AsYouType = false);

/// <summary>A ticket found, with a passage of its text around the words (safe HTML with &lt;mark&gt;), when words were searched.</summary>
public sealed record TicketHit(TicketDto Ticket, string? Snippet);

/// <summary>
/// How many tickets the results hold, by status, type and channel (snake_case names), before paging. <c>Limited</c>:
/// more tickets match than <see cref="SearchTickets.Window"/>, and the results are the best of the newest of them.
/// </summary>
public sealed record SearchFacets(
    int Total, bool Limited, IReadOnlyDictionary<string, int> Status, IReadOnlyDictionary<string, int> Type, IReadOnlyDictionary<string, int> Channel);

public sealed record TicketSearchPage(IReadOnlyList<TicketHit> Items, string? NextCursor, SearchFacets? Facets);

/// <summary>
/// Searches the tickets the actor may see: the words through the full-text index (<see cref="ISearchEngine"/>), the
/// fields as ordinary indexed SQL, in one query with the same visibility rule as every other read. Best match first,
/// then the most recently updated; without words, the most recently updated first. Customers search only the subject
/// and the public conversation.
/// </summary>
public sealed class SearchTickets(RapportDbContext db, ISearchEngine engine, TimeProvider clock)
{
    /// <summary>
    /// Words are ranked among the newest this many tickets that match them (after the fields and the access rule), and
    /// facets count those: ranking every match of a common word ("payment" is in one ticket in nine) would read a
    /// hundred thousand rows for each search at a million tickets. A rarer word, another word or a field brings older
    /// tickets into reach. Zendesk's search stops at a thousand results too.
    /// </summary>
    public const int Window = 1_000;

    // A class with initialisers, not a positional record: EF translates member access on these, not on constructor arguments.
    private sealed class Ranked
    {
        public long Number { get; init; }
        public double Rank { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public TicketStatus Status { get; init; }
        public TicketType Type { get; init; }
        public Channel Channel { get; init; }
    }

    public async Task<Result<TicketSearchPage>> ExecuteAsync(SearchRequest request, Actor actor, CancellationToken ct)
    {
        var check = new Validator();
        var parsed = SearchQueryParser.Parse(request.Q, clock.GetUtcNow());
        if (parsed.Error is { } error) return error;
        var query = parsed.Value!;
        PageLimits.Check(request.Limit, check);
        string[] after = [];
        if (request.Cursor is not null && !TextCursor.TryDecode(request.Cursor, 3, out after)) check.Add("cursor", PageLimits.UnknownCursor);
        if (!check.IsValid) return check.ToError();

        var text = TextQuery.From(query, request.AsYouType);
        var scope = actor.IsStaff ? TicketText.Everything : TicketText.PublicOnly;
        var tickets = await new TicketSearchFilters(db, actor).ApplyAsync(db.Tickets.AsNoTracking().VisibleTo(actor, db), query, ct);
        if (!text.HasTerms && text.Excluded.Count > 0)
        {
            var excluded = engine.MatchTickets(text.AnyOfExcluded(), scope);
            tickets = tickets.Where(t => !excluded.Any(m => m.Id == t.Number));
        }
        var window = text.HasTerms ? await NewestMatchesAsync(tickets, text, scope, ct) : await LatestUpdatedAsync(tickets, ct);

        // A ticket's number typed alone ("1042" or "#1042") opens the list with that ticket, as agents expect; it is
        // then left out of the ranked rows so that no page shows it twice.
        var exact = TicketNumberTyped(request.Q) is { } typed && await tickets.AnyAsync(t => t.Number == typed, ct) ? typed : (long?)null;
        var limit = PageLimits.Clamp(request.Limit);
        var page = After(Ordered(window.Where(r => r.Number != exact), text.HasTerms), text.HasTerms, after).Take(limit + 1).ToList();
        var numbers = page.Take(limit).Select(r => r.Number).ToList();
        if (exact is { } first && after.Length == 0) numbers.Insert(0, first);
        var found = (await db.WithTagsAndFollowersAsync(
            await db.Tickets.AsNoTracking().Where(t => numbers.Contains(t.Number)).ToDto().ToListAsync(ct), ct)).ToDictionary(t => t.Number);
        var snippets = await engine.TicketSnippetsAsync(text, scope, numbers, ct);
        var items = numbers.Where(found.ContainsKey)
            .Select(n => new TicketHit(actor.IsStaff ? found[n] : found[n] with { SlaDueAt = null }, snippets.TryGetValue(n, out var s) ? Highlight.ToHtml(s) : null))
            .ToList();

        string? next = null;
        if (page.Count > limit)
        {
            var last = page[limit - 1];
            next = TextCursor.Encode(last.Rank.ToString("R", CultureInfo.InvariantCulture),
                last.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), last.Number.ToString(CultureInfo.InvariantCulture));
        }
        var facets = request.Facets && request.Cursor is null ? Facets(window) : null;
        return new TicketSearchPage(items, next, facets);
    }

    /// <summary>
    /// The newest <see cref="Window"/> tickets that match the words and the filters, with their rank, taken in the engine's
    /// own order (newest first), so that it walks its index from the newest match and stops at the window's end instead of
    /// reading every match. An engine that cannot walk newest first is asked stretch by stretch (<see cref="NewestFirst"/>).
    /// </summary>
    private async Task<List<Ranked>> NewestMatchesAsync(IQueryable<Ticket> tickets, TextQuery text, TicketText scope, CancellationToken ct)
    {
        var window = new List<Ranked>();
        var newest = engine.StretchBits is null ? 0 : await db.Tickets.MaxAsync(t => (long?)t.Number, ct) ?? 0;
        for (var stretch = NewestFirst.First(newest, engine.StretchBits); ;)
        {
            window.AddRange(await tickets.Join(engine.MatchTickets(text, scope, stretch), t => t.Number, m => m.Id,
                    (t, m) => new Ranked { Number = m.Id, Rank = m.Rank, UpdatedAt = t.UpdatedAt, Status = t.Status, Type = t.Type, Channel = t.Channel })
                .OrderByDescending(r => r.Number).Take(Window - window.Count).ToListAsync(ct));
            if (stretch is null || engine.StretchBits is not { } bits) return window;
            stretch = NewestFirst.Next(stretch.From, newest, window.Count, Window, bits);
            if (stretch is null) return window;
        }
    }

    /// <summary>Without words, the <see cref="Window"/> most recently updated tickets that pass the filters.</summary>
    private static Task<List<Ranked>> LatestUpdatedAsync(IQueryable<Ticket> tickets, CancellationToken ct) =>
        tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Number).Take(Window)
            .Select(t => new Ranked { Number = t.Number, UpdatedAt = t.UpdatedAt, Status = t.Status, Type = t.Type, Channel = t.Channel })
            .ToListAsync(ct);

    private static long? TicketNumberTyped(string? q) =>
        q?.Trim().TrimStart('#') is { Length: > 0 and <= 18 } digits && digits.All(char.IsAsciiDigit) ? long.Parse(digits, CultureInfo.InvariantCulture) : null;

    /// <summary>Best match first, then the latest update, then the higher number; without words, the latest update first.</summary>
    private static IEnumerable<Ranked> Ordered(IEnumerable<Ranked> window, bool byRank) => byRank
        ? window.OrderBy(r => r.Rank).ThenByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Number)
        : window.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Number);

    /// <summary>The rows after the cursor's row, in <see cref="Ordered"/>'s order.</summary>
    private static IEnumerable<Ranked> After(IEnumerable<Ranked> ordered, bool byRank, string[] after)
    {
        if (after.Length != 3 || !double.TryParse(after[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var rank)
            || !long.TryParse(after[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(after[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return ordered;
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return byRank
            ? ordered.Where(r => r.Rank > rank || (r.Rank == rank && (r.UpdatedAt < at || (r.UpdatedAt == at && r.Number < number))))
            : ordered.Where(r => r.UpdatedAt <= at && (r.UpdatedAt < at || r.Number < number));
    }

    private static SearchFacets Facets(IReadOnlyCollection<Ranked> window)
    {
        static Dictionary<string, int> By<T>(IEnumerable<Ranked> rows, Func<Ranked, T> key) where T : struct, Enum =>
            rows.GroupBy(key).ToDictionary(g => EnumNames.ToSnakeCase(g.Key), g => g.Count());
        return new SearchFacets(window.Count, window.Count >= Window, By(window, r => r.Status), By(window, r => r.Type), By(window, r => r.Channel));
    }
}
