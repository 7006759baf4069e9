using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

/// <summary>A partial update: only the fields present in the body change.</summary>
public sealed record UpdateUserRequest(Optional<string> Name, Optional<Role?> Role, Optional<bool?> IsActive, Optional<string> Email);

/// <summary>
/// Changes a user's name, role, email or active flag. Deactivating revokes their API tokens and,
/// like a role change, renews the security stamp so sign-in cookies issued before stop working.
/// Admins cannot deactivate or demote themselves: the last admin could otherwise lock everyone out.
/// </summary>
public sealed class UpdateUser(RapportDbContext db, UserManager<User> users, AuditLog audit, ApiTokenCache tokenCache, TimeProvider clock)
{
    public async Task<Result<User>> ExecuteAsync(Guid id, UpdateUserRequest request, Actor actor, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return new UserNotFound(id);

        var check = new Validator();
        if (request.Name.IsSet) check.Required("name", request.Name.Value, PeopleLimits.NameLength);
        if (request.Role is { IsSet: true, Value: null }) check.Add("role", "Role cannot be empty.");
        if (request.Role is { IsSet: true, Value: { } newRole } && newRole.IsStaff() != user.Role.IsStaff())
            check.Add("role", "A staff user cannot become a customer user or the reverse; create a new user instead.");
        if (request.IsActive is { IsSet: true, Value: null }) check.Add("isActive", "isActive cannot be empty.");
        var email = request.Email.IsSet ? request.Email.Value?.Trim() : null;
        if (request.Email.IsSet)
        {
            check.Required("email", email, PeopleLimits.EmailLength).Email("email", email);
            if (email is not null && await users.FindByEmailAsync(email) is { } other && other.Id != id)
                check.Add("email", "A user with this email already exists.");
        }
        if (!check.IsValid) return check.ToError();

        if (actor.UserId == id)
        {
            if (request.IsActive.Value == false) return new SelfLockoutRefused("You cannot deactivate yourself; ask another admin.");
            if (request.Role.IsSet && request.Role.Value != People.Role.Admin && user.Role == People.Role.Admin)
                return new SelfLockoutRefused("You cannot remove your own admin role; ask another admin.");
        }

        var changes = new AuditChanges();
        var wasActive = user.IsActive;
        var oldRole = user.Role;
        if (request.Name.IsSet)
        {
            changes.Set("name", user.DisplayName, request.Name.Value!.Trim());
            user.DisplayName = request.Name.Value.Trim();
        }
        if (request.Role.IsSet)
        {
            changes.Set("role", user.Role, request.Role.Value!.Value);
            user.Role = request.Role.Value.Value;
        }
        if (request.IsActive.IsSet)
        {
            changes.Set("isActive", user.IsActive, request.IsActive.Value!.Value);
            user.IsActive = request.IsActive.Value.Value;
        }
        if (email is not null && !string.Equals(email, user.Email, StringComparison.Ordinal))
        {
            changes.Set("email", user.Email, email);
            // The email is also the sign-in name; Identity normalises and re-checks both when saving.
            user.Email = email;
            user.UserName = email;
        }
        if (changes.IsEmpty) return user;

        user.UpdatedAt = clock.GetUtcNow();
        var deactivated = wasActive && !user.IsActive;
        if (deactivated)
        {
            var tokens = await db.ApiTokens.Where(t => t.UserId == id && t.RevokedAt == null).ToListAsync(ct);
            foreach (var token in tokens) token.RevokedAt = user.UpdatedAt;
            changes.Set("apiTokensRevoked", null, tokens.Count == 0 ? null : tokens.Count);
        }
        audit.Record(actor, "user", id.ToString(), "updated", changes);

        // One save through Identity writes the user, the revoked tokens and the audit event together.
        var saved = deactivated || oldRole != user.Role ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (saved.Succeeded)
        {
            // Remembered tokens carry the old name, role and active flag.
            tokenCache.ForgetAll();
            return user;
        }
        // Nothing was written; drop the pending audit event and revocations so no later save picks them up.
        db.ChangeTracker.Clear();
        return IdentityErrors.FromSave(saved, id, _ => "email");
    }
}
