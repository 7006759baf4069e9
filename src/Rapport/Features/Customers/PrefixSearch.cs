using System.Linq.Expressions;
using System.Reflection;
using System.Text;

namespace Rapport.Features.Customers;

/// <summary>
/// Prefix search that the ordinary (case-sensitive) indexes on names and addresses can serve on
/// both providers. <c>LIKE 'jo%'</c> cannot: SQLite's LIKE is case-insensitive and skips a
/// BINARY index, and PostgreSQL uses an index for LIKE only under the C collation. A range
/// <c>[v, next(v))</c> always can. To ignore case, the leading characters are spelled in every
/// case ("jo" → "JO", "Jo", "jO", "jo"), one range each.
/// </summary>
/// <remarks>
/// Ranges compare in code-point order: how SQLite (BINARY) and PostgreSQL with the C or C.UTF-8
/// collation sort text. Under a linguistic collation the ranges may miss some names; a
/// lower-cased, indexed search column would lift that limit.
/// </remarks>
internal static class PrefixSearch
{
    // 16 spellings cover the first four letters, which narrows a range to a handful of rows.
    private const int MaxSpellings = 16;

    private static readonly MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo Substring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    /// <summary>
    /// One predicate per case spelling, each an index range. Query each on its own and union the
    /// results: planners turn an OR of ranges into a scan of the whole index in sort order.
    /// </summary>
    public static IEnumerable<Expression<Func<T, bool>>> IgnoringCase<T>(Expression<Func<T, string>> column, string prefix)
    {
        var (spellings, covered) = Spellings(prefix);
        Expression? tail = null;
        if (covered < prefix.Length)
        {
            // Past the spelled-out letters the range has narrowed the rows enough; compare the rest in lower case.
            // SQL counts characters, not UTF-16 units, hence runes.
            var rest = prefix[covered..].ToLowerInvariant();
            var substring = Expression.Call(column.Body, Substring,
                Parameter(prefix[..covered].EnumerateRunes().Count()), Parameter(rest.EnumerateRunes().Count()));
            tail = Expression.Equal(Expression.Call(substring, ToLower), Parameter(rest));
        }
        foreach (var spelling in spellings)
        {
            var range = InRange(column.Body, spelling);
            yield return Expression.Lambda<Func<T, bool>>(tail is null ? range : Expression.AndAlso(range, tail), column.Parameters);
        }
    }

    /// <summary>Rows whose column starts with the prefix exactly, for values stored in one case (email addresses).</summary>
    public static Expression<Func<T, bool>> Exact<T>(Expression<Func<T, string>> column, string prefix) =>
        Expression.Lambda<Func<T, bool>>(InRange(column.Body, prefix), column.Parameters);

    /// <summary>Every case spelling of the leading characters, and how many UTF-16 units of the prefix they cover.</summary>
    internal static (List<string> Spellings, int Covered) Spellings(string prefix)
    {
        List<string> spellings = [""];
        var covered = 0;
        while (covered < prefix.Length && Rune.DecodeFromUtf16(prefix.AsSpan(covered), out var rune, out var length) == System.Buffers.OperationStatus.Done)
        {
            var forms = new[] { rune, Rune.ToLowerInvariant(rune), Rune.ToUpperInvariant(rune) }.Distinct().ToArray();
            if (spellings.Count * forms.Length > MaxSpellings) break;
            spellings = [.. spellings.SelectMany(s => forms.Select(f => s + f))];
            covered += length;
        }
        return (spellings, covered);
    }

    /// <summary>The least string greater than every string that starts with the value, or null when there is none.</summary>
    internal static string? Next(string value)
    {
        var runes = value.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last == 0x10FFFF) continue;
            runes.Add(new Rune(last + 1 == 0xD800 ? 0xE000 : last + 1));
            return string.Concat(runes.Select(r => r.ToString()));
        }
        return null;
    }

    private static Expression InRange(Expression column, string prefix)
    {
        var from = Parameter(prefix);
        Expression range = Expression.GreaterThanOrEqual(Expression.Call(Compare, column, from), Expression.Constant(0));
        if (Next(prefix) is { } next)
            range = Expression.AndAlso(range, Expression.LessThan(Expression.Call(Compare, column, Parameter(next)), Expression.Constant(0)));
        // The range finds the rows through the index; StartsWith keeps the match exact should the collation not be code-point order.
        return Expression.AndAlso(range, Expression.Call(column, StartsWith, from));
    }

    /// <summary>A captured value, so EF sends it as a query parameter and reuses the query plan for every search.</summary>
    private static MemberExpression Parameter<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Captured<TValue>(value)), nameof(Captured<TValue>.Value));

    private sealed record Captured<TValue>(TValue Value);
}
