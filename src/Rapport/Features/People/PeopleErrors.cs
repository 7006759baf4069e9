using Microsoft.AspNetCore.Identity;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

public sealed record UserNotFound(Guid Id) : Error(404, "Not found", $"User {Id} does not exist or is not visible to you.");

public sealed record TeamNotFound(long Id) : Error(404, "Not found", $"Team {Id} does not exist.");

/// <summary>An admin acting on their own account in a way that would lock them (or everyone) out.</summary>
public sealed record SelfLockoutRefused(string Reason) : ConflictError(Reason);

public sealed record UserChangedConcurrently(Guid Id) : ConflictError($"User {Id} was changed by someone else at the same time. Read it again and retry.");

public static class IdentityErrors
{
    /// <summary>Turns Identity's failures into field errors; the field comes from the error code.</summary>
    public static Error ToError(IdentityResult result, Func<string, string> fieldFor)
    {
        var check = new Validator();
        foreach (var error in result.Errors) check.Add(fieldFor(error.Code), error.Description);
        return check.ToError();
    }

    /// <summary>A failed save through Identity: a concurrent change is a conflict, anything else names a field.</summary>
    public static Error FromSave(IdentityResult result, Guid userId, Func<string, string> fieldFor) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
            ? new UserChangedConcurrently(userId)
            : ToError(result, fieldFor);

    /// <summary>Password policy failures name "password"; user name and email failures name "email".</summary>
    public static string PasswordOrEmail(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email";
}
