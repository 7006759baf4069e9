using System.Linq.Expressions;
using Rapport.Features.Tickets;

namespace Rapport.Features.Conditions;

/// <summary>
/// What a checked condition tests, in the two forms the model keeps in agreement: over a
/// snapshot in memory (rules, SLA matching) and over a ticket in SQL (views, search, sweeps).
/// The SQL form must never be NULL, so that negating it is the exact complement.
/// </summary>
internal sealed record ConditionTest(Func<TicketFacts, bool> Matches, Expression<Func<Ticket, bool>> Where)
{
    public ConditionTest Not() => new(facts => !Matches(facts), Predicates.Not(Where));
}
