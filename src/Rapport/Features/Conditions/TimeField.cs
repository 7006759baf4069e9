using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;
using static Rapport.Features.Conditions.ConditionOperators;

namespace Rapport.Features.Conditions;

/// <summary>
/// A moment in the ticket's life, compared with an instant or with an age counted back from the
/// context's now: "created_at before 7d" and "created_at older_than 7d" both mean more than seven
/// days ago. A ticket where the moment is missing matches neither before nor after.
/// </summary>
internal sealed partial class TimeField(string name, Expression<Func<Ticket, DateTimeOffset?>> selector)
    : TicketField<DateTimeOffset?>(name, selector, [Before, After, OlderThan, NewerThan])
{
    private const string AnInstant = "an instant such as 2025-03-01T09:00:00Z";
    private const string AnAge = "an age such as 7d, 12h or 30m";

    private protected override Func<ConditionContext, ConditionTest>? CheckPositive(string @operator, JsonElement? value, string path, Validator check)
    {
        var agesOnly = @operator is OlderThan or NewerThan;
        var expected = agesOnly ? AnAge : $"{AnInstant} or {AnAge}";
        if (ConditionValues.One(value, expected, path, check) is not { } text) return null;
        Func<ConditionContext, DateTimeOffset>? bound = AgeOf(text) is { } age ? context => context.Now - age
            : !agesOnly && InstantOf(text) is { } instant ? _ => instant
            : null;
        if (bound is null)
        {
            ConditionValues.RefuseItem(text, expected, path, check);
            return null;
        }
        var earlier = @operator is Before or OlderThan;
        // PostgreSQL takes only UTC instants as parameters; SQLite stores UTC ticks and compares them.
        return context => Compare(bound(context).ToUniversalTime(), earlier);
    }

    private ConditionTest Compare(DateTimeOffset bound, bool earlier) => earlier
        ? Test(at => at < bound, at => at != null && at < bound)
        : Test(at => at > bound, at => at != null && at > bound);

    private static TimeSpan? AgeOf(string text)
    {
        var match = Age().Match(text);
        if (!match.Success) return null;
        var count = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(count),
            "h" => TimeSpan.FromHours(count),
            "d" => TimeSpan.FromDays(count),
            _ => TimeSpan.FromDays(7 * count),
        };
    }

    // ISO 8601 with an offset: a time without one would mean different instants to different readers.
    private static DateTimeOffset? InstantOf(string text) =>
        Instant().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;

    [GeneratedRegex(@"^([1-9][0-9]{0,4})([mhdw])$")]
    private static partial Regex Age();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex Instant();
}
