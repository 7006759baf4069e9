using Rapport.Features.Tickets;

namespace Rapport.Features.Conditions;

/// <summary>Turns a condition set into a filter EF Core runs in the database: for views, search and sweeps.</summary>
public static class ConditionTranslator
{
    /// <summary>
    /// The tickets that meet the set, as the in-memory evaluator would judge them. Translates
    /// entirely to SQL on SQLite and PostgreSQL. The set must have passed <see cref="ConditionValidation.Validate"/>.
    /// </summary>
    public static IQueryable<Ticket> Where(this IQueryable<Ticket> tickets, ConditionSet set, ConditionContext context)
    {
        var (all, any) = ConditionValidation.TestsFor(set, context);
        if (all.Count > 0) tickets = tickets.Where(Predicates.AllOf(all.Select(test => test.Where)));
        if (any.Count > 0) tickets = tickets.Where(Predicates.AnyOf(any.Select(test => test.Where)));
        return tickets;
    }
}
