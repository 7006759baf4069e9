using System.Linq.Expressions;
using System.Text.Json;
using Rapport.Features.Tickets;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Conditions;

/// <summary>
/// One field of the ticket catalogue (<see cref="TicketFields"/>): its name in JSON, the
/// operators it accepts, how its value is read from a ticket, and how a condition on it
/// becomes a <see cref="ConditionTest"/>.
/// </summary>
public abstract class TicketField
{
    private protected TicketField(string name, IReadOnlyList<string> operators) => (Name, Operators) = (name, operators);

    public string Name { get; }

    public IReadOnlyList<string> Operators { get; }

    /// <summary>The field's value on a loaded ticket, as the snapshot keeps it.</summary>
    internal abstract object? Capture(Ticket ticket);

    /// <summary>
    /// Checks the value for the operator (one of <see cref="Operators"/>) and returns the test,
    /// which still waits for the context ("me", "7d"); null when the value is refused and reported.
    /// </summary>
    internal Func<ConditionContext, ConditionTest>? Check(string @operator, JsonElement? value, string path, Validator check)
    {
        var negated = ConditionOperators.Negations.TryGetValue(@operator, out var positive);
        var test = CheckPositive(negated ? positive! : @operator, value, path, check);
        return test is not null && negated ? context => test(context).Not() : test;
    }

    /// <summary>Checks a condition with a positive operator; negative ones are its complement.</summary>
    private protected abstract Func<ConditionContext, ConditionTest>? CheckPositive(string @operator, JsonElement? value, string path, Validator check);

    /// <summary>A test that does not depend on the context.</summary>
    private protected static Func<ConditionContext, ConditionTest> Fixed(ConditionTest test) => _ => test;
}

/// <summary>A field read by one selector, which serves both SQL and the snapshot so the two cannot read different things.</summary>
internal abstract class TicketField<T> : TicketField
{
    private readonly Lazy<Func<Ticket, T>> _read;

    protected TicketField(string name, Expression<Func<Ticket, T>> selector, IReadOnlyList<string> operators) : base(name, operators)
    {
        Selector = selector;
        _read = new(selector.Compile);
    }

    protected Expression<Func<Ticket, T>> Selector { get; }

    internal override object? Capture(Ticket ticket) => _read.Value(ticket);

    /// <summary>A test on the field's value, written once for memory and once for SQL.</summary>
    protected ConditionTest Test(Func<T, bool> matches, Expression<Func<T, bool>> where) =>
        new(facts => matches((T)facts[Name]!), Predicates.On(Selector, where));
}
