namespace Rapport.Infrastructure.Problems;

/// <summary>
/// An expected failure, returned by a use case as a value and turned into an RFC 9457
/// problem detail in one place (<see cref="ProblemMapping"/>). Features derive their own.
/// </summary>
public abstract record Error(int Status, string Title, string Detail);

public sealed record NotFoundError(string Detail) : Error(StatusCodes.Status404NotFound, "Not found", Detail);

public record ConflictError(string Detail) : Error(StatusCodes.Status409Conflict, "Conflict", Detail);

public sealed record PreconditionFailedError(string Detail)
    : Error(StatusCodes.Status412PreconditionFailed, "Precondition failed", Detail);

public sealed record ForbiddenError(string Detail) : Error(StatusCodes.Status403Forbidden, "Forbidden", Detail);

/// <summary>Invalid input: each entry names a field (camelCase, dotted for nested fields) and what is wrong with it.</summary>
public sealed record ValidationError(IReadOnlyDictionary<string, string[]> Errors)
    : Error(StatusCodes.Status400BadRequest, "Invalid request", "One or more fields are invalid.")
{
    public static ValidationError For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Either a value or an <see cref="Error"/>.</summary>
public readonly struct Result<T>
{
    private Result(T? value, Error? error) => (Value, Error) = (value, error);

    public T? Value { get; }
    public Error? Error { get; }
    public bool Succeeded => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}

public static class ErrorText
{
    /// <summary>The error in one line for a person reading a log, a console or a list: each field and what is wrong with it.</summary>
    public static string Describe(this Error error) => error is ValidationError validation
        ? string.Join(" ", validation.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")))
        : error.Detail;
}
