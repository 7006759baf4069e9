using System.Globalization;
using System.Text.RegularExpressions;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Search;

/// <summary>
/// Reads the search box (pure, no I/O). Free words and "quoted phrases" are the text to find; <c>-word</c> and
/// <c>-"phrase"</c> exclude. Fields, as in Zendesk:
/// <list type="bullet">
/// <item><c>status:open</c>, <c>priority:high</c>, <c>type:complaint</c>, <c>channel:phone</c>: one value or several
/// (<c>status:open,pending</c>, or the field twice); <c>-status:closed</c> excludes.</item>
/// <item><c>assignee:me</c> (or <c>none</c>, or an address), <c>team:billing</c>, <c>requester:ann@example.com</c>,
/// <c>tag:refund</c>; a value with spaces in quotes: <c>team:"first line"</c>.</item>
/// <item><c>created</c> and <c>updated</c> with <c>:</c> <c>&gt;</c> <c>&gt;=</c> <c>&lt;</c> <c>&lt;=</c> and a day
/// (<c>created&gt;2026-01-01</c>: after that day, UTC) or an age (<c>updated&lt;7d</c>: last updated more than seven
/// days ago; <c>created&gt;4h</c>: in the last four hours; units min, h, d, w, mo, y).</item>
/// </list>
/// An unknown <c>name:value</c> is text (a time such as 10:30, a link); a known field with a wrong value is refused,
/// naming <c>q</c> and saying what would do.
/// </summary>
public static partial class SearchQueryParser
{
    public const int MaxLength = 500;
    public const int MaxParts = 40;

    private static readonly string[] Operators = [">=", "<=", ":", ">", "<"];
    private static readonly HashSet<string> Fields =
        ["status", "priority", "type", "channel", "assignee", "team", "requester", "tag", "created", "updated"];

    private readonly record struct Part(bool Negated, string? Field, string Operator, string Value, bool Quoted);

    public static Result<SearchQuery> Parse(string? text, DateTimeOffset now)
    {
        text ??= "";
        if (text.Length > MaxLength) return ValidationError.For("q", $"A search is at most {MaxLength} characters.");
        var parts = Split(text);
        if (parts.Count > MaxParts) return ValidationError.For("q", $"A search has at most {MaxParts} words and filters.");

        var check = new Validator();
        var query = new Builder();
        foreach (var part in parts)
        {
            if (part.Field is null) query.Term(part);
            else query.Filter(part, now, check);
        }
        return check.IsValid ? query.Build() : check.ToError();
    }

    private static List<Part> Split(string text)
    {
        var parts = new List<Part>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var negated = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (negated) i++;
            if (text[i] == '"')
            {
                var (phrase, next) = Quoted(text, i);
                parts.Add(new Part(negated, null, "", phrase, Quoted: true));
                i = next;
                continue;
            }
            var nameEnd = i;
            while (nameEnd < text.Length && (char.IsAsciiLetter(text[nameEnd]) || text[nameEnd] == '_')) nameEnd++;
            var name = text[i..nameEnd].ToLowerInvariant();
            var op = Fields.Contains(name) ? Operators.FirstOrDefault(o => string.CompareOrdinal(text, nameEnd, o, 0, o.Length) == 0) : null;
            if (op is not null)
            {
                var start = nameEnd + op.Length;
                if (start < text.Length && text[start] == '"')
                {
                    var (value, next) = Quoted(text, start);
                    parts.Add(new Part(negated, name, op, value, Quoted: true));
                    i = next;
                }
                else
                {
                    var end = WordEnd(text, start);
                    parts.Add(new Part(negated, name, op, text[start..end], Quoted: false));
                    i = end;
                }
                continue;
            }
            var wordEnd = WordEnd(text, i);
            parts.Add(new Part(negated, null, "", text[i..wordEnd], Quoted: false));
            i = wordEnd;
        }
        return parts;
    }

    /// <summary>The text inside quotes that open at <paramref name="open"/>; an unclosed quote runs to the end.</summary>
    private static (string Text, int Next) Quoted(string text, int open)
    {
        var close = text.IndexOf('"', open + 1);
        return close < 0 ? (text[(open + 1)..].Trim(), text.Length) : (text[(open + 1)..close].Trim(), close + 1);
    }

    private static int WordEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        return end;
    }

    [GeneratedRegex(@"^(?<n>\d{1,4})\s*(?<unit>min|minutes?|h|hours?|d|days?|w|weeks?|mo|months?|y|years?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Age();

    /// <summary>The moment an age counts back to, or a day's start (UTC), or null with the problem added.</summary>
    private static (DateTimeOffset At, bool IsDay)? When(string field, string value, DateTimeOffset now, Validator check)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), true);
        var age = Age().Match(value);
        if (!age.Success)
        {
            check.Add("q", $"{field}: '{value}' is neither a day (2026-01-31) nor an age (such as 4h, 7d, 2w, 3mo).");
            return null;
        }
        var n = int.Parse(age.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = age.Groups["unit"].Value.ToLowerInvariant();
        var at = unit switch
        {
            "min" or "minute" or "minutes" => now.AddMinutes(-n),
            "h" or "hour" or "hours" => now.AddHours(-n),
            "d" or "day" or "days" => now.AddDays(-n),
            "w" or "week" or "weeks" => now.AddDays(-7 * n),
            "mo" or "month" or "months" => now.AddMonths(-n),
            _ => now.AddYears(-n),
        };
        return (at, false);
    }

    private sealed class Builder
    {
        private readonly List<SearchTerm> _terms = [], _excluded = [];
        private readonly Values<TicketStatus> _status = new();
        private readonly Values<Priority> _priority = new();
        private readonly Values<TicketType> _type = new();
        private readonly Values<Channel> _channel = new();
        private readonly Values<string> _assignee = new(), _team = new(), _requester = new(), _tag = new();
        private TimeWindow _created = TimeWindow.Any, _updated = TimeWindow.Any;

        public void Term(Part part)
        {
            // Punctuation alone ("-", "&") finds nothing in a full-text index.
            if (!part.Value.Any(char.IsLetterOrDigit)) return;
            var term = new SearchTerm(part.Value, part.Quoted && part.Value.Any(char.IsWhiteSpace));
            var list = part.Negated ? _excluded : _terms;
            if (!list.Contains(term)) list.Add(term);
        }

        public void Filter(Part part, DateTimeOffset now, Validator check)
        {
            var field = part.Field!;
            if (field is "created" or "updated")
            {
                if (part.Negated) check.Add("q", $"-{field} is not possible: use < or > instead.");
                else if (Window(field, part, now, check) is { } window)
                {
                    if (field == "created") _created = _created.And(window);
                    else _updated = _updated.And(window);
                }
                return;
            }
            if (part.Operator != ":")
            {
                check.Add("q", $"{field} takes ':' (as in {field}:value), not '{part.Operator}'.");
                return;
            }
            var values = part.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (values.Length == 0)
            {
                check.Add("q", $"{field}: give a value after the colon.");
                return;
            }
            foreach (var value in values)
            {
                switch (field)
                {
                    case "status": Choice(_status, field, value, part.Negated, check); break;
                    case "priority": Choice(_priority, field, value, part.Negated, check); break;
                    case "type": Choice(_type, field, value, part.Negated, check); break;
                    case "channel": Choice(_channel, field, value, part.Negated, check); break;
                    case "assignee": _assignee.Add(value.ToLowerInvariant(), part.Negated); break;
                    case "team": _team.Add(value, part.Negated); break;
                    case "requester": _requester.Add(value, part.Negated); break;
                    default: _tag.Add(value.ToLowerInvariant(), part.Negated); break;
                }
            }
        }

        private static void Choice<T>(Values<T> values, string field, string text, bool negated, Validator check) where T : struct, Enum
        {
            if (SnakeCaseEnumConverter<T>.TryParse(text.ToLowerInvariant(), out var value)) values.Add(value, negated);
            else check.Add("q", $"{field}: '{text}' is not one of: {SnakeCaseEnumConverter<T>.Allowed}.");
        }

        private static TimeWindow? Window(string field, Part part, DateTimeOffset now, Validator check)
        {
            if (When(field, part.Value, now, check) is not var (at, isDay)) return null;
            if (isDay)
            {
                var next = at.AddDays(1);
                return part.Operator switch
                {
                    ">" => new TimeWindow(next, null),
                    ">=" => new TimeWindow(at, null),
                    "<" => new TimeWindow(null, at),
                    "<=" => new TimeWindow(null, next),
                    _ => new TimeWindow(at, next),
                };
            }
            // An age: "<" is longer ago than that, ">" (and ":") more recent.
            return part.Operator is "<" or "<=" ? new TimeWindow(null, at) : new TimeWindow(at, null);
        }

        public SearchQuery Build() => new(_terms, _excluded, _status.Build(), _priority.Build(), _type.Build(), _channel.Build(),
            _assignee.Build(), _team.Build(), _requester.Build(), _tag.Build(), _created, _updated);
    }

    private sealed class Values<T>
    {
        private readonly List<T> _anyOf = [], _noneOf = [];

        public void Add(T value, bool negated)
        {
            var list = negated ? _noneOf : _anyOf;
            if (!list.Contains(value)) list.Add(value);
        }

        public FieldFilter<T> Build() => _anyOf.Count == 0 && _noneOf.Count == 0 ? FieldFilter<T>.Any : new(_anyOf, _noneOf);
    }
}
