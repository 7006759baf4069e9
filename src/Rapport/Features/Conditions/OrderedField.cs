using System.Linq.Expressions;
using System.Text.Json;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;
using static Rapport.Features.Conditions.ConditionOperators;

namespace Rapport.Features.Conditions;

/// <summary>
/// An enum whose members are declared in order (priority: low &lt; normal &lt; high &lt; urgent),
/// so that at_least and at_most make sense. Both become the set of members on that side, because
/// enums are stored by name and comparing the names in SQL would order them alphabetically.
/// </summary>
internal sealed class OrderedField<TEnum>(string name, Expression<Func<Ticket, TEnum>> selector)
    : ValueField<TEnum>(name, selector, SnakeCaseEnumConverter<TEnum>.TryParse, $"one of: {SnakeCaseEnumConverter<TEnum>.Allowed}", moreOperators: [AtLeast, AtMost])
    where TEnum : struct, Enum
{
    private protected override Func<ConditionContext, ConditionTest>? CheckPositive(string @operator, JsonElement? value, string path, Validator check)
    {
        if (@operator is not (AtLeast or AtMost)) return base.CheckPositive(@operator, value, path, check);
        if (ConditionValues.One(value, Expected, path, check) is not { } text) return null;
        if (!TryParse(text, out var bound))
        {
            ConditionValues.RefuseItem(text, Expected, path, check);
            return null;
        }
        var sign = @operator == AtLeast ? 1 : -1;
        return Fixed(In([.. Enum.GetValues<TEnum>().Where(v => sign * Comparer<TEnum>.Default.Compare(v, bound) >= 0)], orNone: false));
    }
}
