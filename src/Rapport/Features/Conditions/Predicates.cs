using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Rapport.Features.Conditions;

/// <summary>Small tools for building the expression trees EF Core translates to SQL.</summary>
internal static class Predicates
{
    /// <summary>The test applied to what the selector reads: <c>t => test(selector(t))</c>.</summary>
    public static Expression<Func<TIn, bool>> On<TIn, T>(Expression<Func<TIn, T>> selector, Expression<Func<T, bool>> test) =>
        Expression.Lambda<Func<TIn, bool>>(Rebind(test, selector.Body), selector.Parameters);

    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(test.Body), test.Parameters);

    /// <summary>Every part holds; true when there are none.</summary>
    public static Expression<Func<T, bool>> AllOf<T>(IEnumerable<Expression<Func<T, bool>>> parts) => Join(parts, Expression.AndAlso, true);

    /// <summary>At least one part holds; false when there are none.</summary>
    public static Expression<Func<T, bool>> AnyOf<T>(IEnumerable<Expression<Func<T, bool>>> parts) => Join(parts, Expression.OrElse, false);

    /// <summary>
    /// A value that reaches SQL as a parameter, the way a captured variable does, so that one
    /// SQL text and one cached plan serve every value (a constant would be written into the text).
    /// </summary>
    public static Expression Parameter<T>(T value) =>
        Expression.Field(Expression.Constant(new StrongBox<T>(value)), nameof(StrongBox<T>.Value));

    private static Expression<Func<T, bool>> Join<T>(IEnumerable<Expression<Func<T, bool>>> parts, Func<Expression, Expression, Expression> join, bool whenEmpty)
    {
        var parameter = Expression.Parameter(typeof(T), "t");
        Expression? body = null;
        foreach (var part in parts)
        {
            var rebound = Rebind(part, parameter);
            body = body is null ? rebound : join(body, rebound);
        }
        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(whenEmpty), parameter);
    }

    private static Expression Rebind(LambdaExpression lambda, Expression argument) =>
        new ParameterSwap(lambda.Parameters[0], argument).Visit(lambda.Body);

    private sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
