using Rapport.Features.Tickets;

namespace Rapport.Features.Search;

/// <summary>A word or a "quoted phrase" the text must (or, excluded, must not) contain.</summary>
public sealed record SearchTerm(string Text, bool IsPhrase);

/// <summary>Values a field may have (any of them) and values it may not have; both empty means "any value".</summary>
public sealed record FieldFilter<T>(IReadOnlyList<T> AnyOf, IReadOnlyList<T> NoneOf)
{
    public static readonly FieldFilter<T> Any = new([], []);
    public bool IsAny => AnyOf.Count == 0 && NoneOf.Count == 0;
}

/// <summary>A time window: from <see cref="From"/> (included) to <see cref="Before"/> (excluded); either may be open.</summary>
public sealed record TimeWindow(DateTimeOffset? From, DateTimeOffset? Before)
{
    public static readonly TimeWindow Any = new(null, null);
    public bool IsAny => From is null && Before is null;
    public bool IsEmpty => From is { } from && Before is { } before && from >= before;

    /// <summary>Both constraints at once: the later start and the earlier end.</summary>
    public TimeWindow And(TimeWindow other) => new(
        From is null ? other.From : other.From is null ? From : From > other.From ? From : other.From,
        Before is null ? other.Before : other.Before is null ? Before : Before < other.Before ? Before : other.Before);
}

/// <summary>
/// What an agent typed in the search box, understood: the text to find and the filters, in the syntax agents know from
/// Zendesk. Read by <see cref="SearchQueryParser"/>; the search itself turns it into the database's full-text query.
/// </summary>
public sealed record SearchQuery(
    IReadOnlyList<SearchTerm> Terms,
    IReadOnlyList<SearchTerm> ExcludedTerms,
    FieldFilter<TicketStatus> Status,
    FieldFilter<Priority> Priority,
    FieldFilter<TicketType> Type,
    FieldFilter<Channel> Channel,
    FieldFilter<string> Assignee, // "me", "none" or an address
    FieldFilter<string> Team, // team names, as typed
    FieldFilter<string> Requester, // addresses or names, as typed
    FieldFilter<string> Tag,
    TimeWindow Created,
    TimeWindow Updated)
{
    /// <summary>Nothing to look for and nothing to filter by.</summary>
    public bool IsEmpty => Terms.Count == 0 && ExcludedTerms.Count == 0 && Status.IsAny && Priority.IsAny && Type.IsAny && Channel.IsAny
        && Assignee.IsAny && Team.IsAny && Requester.IsAny && Tag.IsAny && Created.IsAny && Updated.IsAny;
}
