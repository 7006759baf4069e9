using System.Linq.Expressions;
using System.Text.Json;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;
using static Rapport.Features.Conditions.ConditionOperators;

namespace Rapport.Features.Conditions;

/// <summary>
/// The ticket's tags, compared as Rapport stores them: the condition's tags are normalised by
/// <see cref="TicketTags"/> first, so "VIP Customer" finds the tag vip_customer.
/// </summary>
internal sealed class TagsField(string name, Expression<Func<Ticket, IEnumerable<string>>> selector)
    : TicketField<IEnumerable<string>>(name, selector, [IncludesAny, IncludesAll, IncludesNone])
{
    private const string Expected = "one or more tags";

    // The snapshot keeps a copy: a rule compares against the tags as they were when it was taken.
    internal override object? Capture(Ticket ticket) => ((IEnumerable<string>)base.Capture(ticket)!).ToArray();

    private protected override Func<ConditionContext, ConditionTest>? CheckPositive(string @operator, JsonElement? value, string path, Validator check)
    {
        if (ConditionValues.Several(value, Expected, path, check) is not { } texts) return null;
        string[] names = [];
        if (!ConditionValues.Passes(check, own => names = [.. TicketTags.Validate(path, texts, own)!])) return null;
        var test = @operator == IncludesAll
            // One EXISTS per tag: plain SQL on both providers, each served by the tag's index.
            ? Test(tags => names.All(tags.Contains), Predicates.AllOf(names.Select(n => (Expression<Func<IEnumerable<string>, bool>>)(tags => tags.Contains(n)))))
            : Test(tags => tags.Any(names.Contains), tags => tags.Any(t => names.Contains(t)));
        return Fixed(test);
    }
}
