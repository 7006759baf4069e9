using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

public sealed record ChangePasswordRequest(string? Password, string? CurrentPassword);

/// <summary>
/// Sets a user's password through Identity's password policy. Admins may set anyone else's;
/// people changing their own must prove the current one, admins included, so a borrowed session
/// cannot take over the account. The password is never recorded: the audit says only that it changed.
/// </summary>
public sealed class ChangePassword(RapportDbContext db, UserManager<User> users, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<bool>> ExecuteAsync(Guid id, ChangePasswordRequest request, Actor actor, CancellationToken ct)
    {
        var self = actor.UserId == id;
        if (!self && actor.Role != Role.Admin) return new ForbiddenError("Only admins can set another user's password.");
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return new UserNotFound(id);

        var check = new Validator().Required("password", request.Password, PeopleLimits.PasswordLength);
        if (self) check.Required("currentPassword", request.CurrentPassword, PeopleLimits.PasswordLength);
        if (!check.IsValid) return check.ToError();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, request.Password!);
            foreach (var error in result.Errors) check.Add("password", error.Description);
        }
        if (self && !await users.CheckPasswordAsync(user, request.CurrentPassword!))
            check.Add("currentPassword", "This is not your current password.");
        if (!check.IsValid) return check.ToError();

        user.PasswordHash = users.PasswordHasher.HashPassword(user, request.Password!);
        user.UpdatedAt = clock.GetUtcNow();
        audit.Record(actor, "user", id.ToString(), "password_changed",
            new AuditChanges().Set("passwordSetBy", null, self ? "self" : "admin"));
        // A new stamp ends sign-in cookies issued with the old password; the save writes the audit event too.
        var saved = await users.UpdateSecurityStampAsync(user);
        if (saved.Succeeded) return true;
        db.ChangeTracker.Clear();
        return IdentityErrors.FromSave(saved, id, IdentityErrors.PasswordOrEmail);
    }
}
