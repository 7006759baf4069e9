using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;
using static Rapport.Features.Conditions.ConditionOperators;

namespace Rapport.Features.Conditions;

/// <summary>Reads one value of a condition; false when the text is not a value of the field.</summary>
internal delegate bool ValueParser<T>(string text, out T value);

/// <summary>
/// A field with one value per ticket, compared with a set of values: the enums, the references
/// (team, assignee, requester, organisation) and the requester's language. Several values mean
/// any of them. An optional field (a nullable column) also takes 'none' and offers is_set.
/// </summary>
internal class ValueField<T> : TicketField<T>
{
    private static readonly MethodInfo ContainsMethod = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
        .MakeGenericMethod(typeof(T));

    private static readonly ParameterExpression Parameter = Expression.Parameter(typeof(T), "value");

    private readonly ValueParser<T> _parse;
    private readonly Func<ConditionContext, T>? _me;

    /// <summary>The field may be empty on a ticket; by default, when the column is nullable.</summary>
    private readonly bool _optional;

    /// <param name="expected">What a value is, as a phrase: "a team id"; 'me' and 'none' are added when they apply.</param>
    /// <param name="me">The value 'me' stands for, when the field takes it.</param>
    public ValueField(string name, Expression<Func<Ticket, T>> selector, ValueParser<T> parse, string expected,
        Func<ConditionContext, T>? me = null, bool? optional = null, IReadOnlyList<string>? moreOperators = null)
        : base(name, selector, [Is, IsNot, .. IsOptional(optional) ? [IsSet, IsNotSet] : Array.Empty<string>(), .. moreOperators ?? []])
    {
        _parse = parse;
        _me = me;
        _optional = IsOptional(optional);
        string[] words = [expected, .. me is null ? [] : new[] { "'me'" }, .. _optional ? ["'none'"] : Array.Empty<string>()];
        Expected = words.Length == 1 ? expected : $"{string.Join(", ", words[..^1])} or {words[^1]}";
    }

    protected string Expected { get; }

    protected bool TryParse(string text, out T value) => _parse(text, out value);

    private protected override Func<ConditionContext, ConditionTest>? CheckPositive(string @operator, JsonElement? value, string path, Validator check)
    {
        if (@operator == IsSet)
        {
            var isSet = Test(v => v is not null, Expression.Lambda<Func<T, bool>>(Expression.Not(IsNull()), Parameter));
            return ConditionValues.Nothing(value, @operator, path, check) ? Fixed(isSet) : null;
        }
        if (ConditionValues.Several(value, Expected, path, check) is not { } texts) return null;
        var (values, none, me, refused) = (new List<T>(), false, false, false);
        foreach (var text in texts)
        {
            if (_optional && text == "none") none = true;
            else if (_me is not null && text == "me") me = true;
            else if (_parse(text, out var parsed)) values.Add(parsed);
            else
            {
                ConditionValues.RefuseItem(text, Expected, path, check);
                refused = true;
            }
        }
        if (refused) return null;
        if (!me) return Fixed(In([.. values], none));
        // 'me' is whoever evaluates the condition; with no acting user it stands for nobody.
        return context => In(_me!(context) is { } mine ? [.. values, mine] : [.. values], none);
    }

    /// <summary>The value is one of <paramref name="values"/>, or missing when <paramref name="orNone"/>.</summary>
    protected ConditionTest In(T[] values, bool orNone)
    {
        Expression inList = values.Length == 0 ? Expression.Constant(false) : Expression.Call(ContainsMethod, Predicates.Parameter(values), Parameter);
        if (_optional)
        {
            // Spelled out so the SQL is never NULL: negating it must give the exact complement.
            inList = orNone ? Expression.OrElse(IsNull(), inList) : Expression.AndAlso(Expression.Not(IsNull()), inList);
        }
        return Test(v => v is null ? orNone : values.Contains(v), Expression.Lambda<Func<T, bool>>(inList, Parameter));
    }

    private static bool IsOptional(bool? optional) => optional ?? default(T) is null;

    private static BinaryExpression IsNull() => Expression.Equal(Parameter, Expression.Constant(null, typeof(T)));
}
