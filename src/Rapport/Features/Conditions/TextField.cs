using System.Linq.Expressions;
using System.Text.Json;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;
using static Rapport.Features.Conditions.ConditionOperators;

namespace Rapport.Features.Conditions;

/// <summary>
/// Free text such as the subject, searched for words or phrases ignoring case. Several values
/// mean any of them. Case is ignored by lower-casing both sides: in memory with the invariant
/// culture, in SQL with lower(). PostgreSQL lower-cases by its database locale (every letter
/// in a UTF-8 locale); SQLite's built-in lower() changes only A–Z, so there "É" does not match "é".
/// </summary>
internal sealed class TextField(string name, Expression<Func<Ticket, string>> selector, int maxLength)
    : TicketField<string>(name, selector, [Contains, NotContains])
{
    private const string Expected = "some text to look for, or a list of alternatives";

    private protected override Func<ConditionContext, ConditionTest>? CheckPositive(string @operator, JsonElement? value, string path, Validator check)
    {
        if (ConditionValues.Several(value, Expected, path, check) is not { } texts) return null;
        var fits = ConditionValues.Passes(check, own =>
        {
            foreach (var text in texts)
                if (string.IsNullOrWhiteSpace(text)) own.Add(path, $"Give {Expected}; blank text would match everything.");
                else own.Text(path, text, maxLength);
        });
        if (!fits) return null;
        var needles = texts.Select(t => t.ToLowerInvariant()).ToArray();
        var test = Test(
            text => needles.Any(needle => text.ToLowerInvariant().Contains(needle, StringComparison.Ordinal)),
            // One parameter per alternative: EF Core translates string.Contains over a parameter on both providers.
            Predicates.AnyOf(needles.Select(needle => (Expression<Func<string, bool>>)(text => text.ToLower().Contains(needle)))));
        return Fixed(test);
    }
}
