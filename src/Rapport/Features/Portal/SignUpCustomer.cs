using Microsoft.AspNetCore.Identity;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Customers;
using Rapport.Features.People;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Portal;

/// <summary>
/// A person creates their own portal account: the customer record is found by email (an agent
/// may have created it from a phone call) or created, and a customer user is linked to it.
/// The password policy is checked before anything is written.
/// </summary>
public sealed class SignUpCustomer(RapportDbContext db, UserManager<User> users, FindOrCreateCustomer customers, CreateUser createUser)
{
    public const string EmailTaken = "An account with this email address already exists. Sign in, or reset your password if you have forgotten it.";

    public async Task<Result<User>> ExecuteAsync(string? name, string? email, string? password, CancellationToken ct)
    {
        var check = new Validator()
            .Required("name", name, CustomerLimits.NameLength)
            .Required("email", email, CustomerLimits.EmailLength).Email("email", email)
            .Required("password", password, 200);
        if (!string.IsNullOrEmpty(password))
        {
            var probe = new User { UserName = email, Email = email, DisplayName = name ?? "" };
            foreach (var validator in users.PasswordValidators)
                foreach (var error in (await validator.ValidateAsync(users, probe, password)).Errors)
                    check.Add("password", error.Description);
        }
        if (check.IsValid && await users.FindByEmailAsync(email!.Trim()) is not null) check.Add("email", EmailTaken);
        if (!check.IsValid) return check.ToError();

        // Nobody is signed in yet: the audit names the person signing up.
        var actor = new Actor(null, $"{name!.Trim()} (portal sign-up)", Role.Customer, null);
        return await db.InTransactionAsync<Result<User>>(async () =>
        {
            var customer = await customers.ExecuteAsync(email!, name, actor, ct);
            await db.SaveChangesAsync(ct);
            var created = await createUser.ExecuteAsync(new CreateUserRequest(email, name, Role.Customer, password, customer.Id), actor, ct);
            // Two sign-ups for one address at once: the unique index refuses the second, said in the same words.
            if (created.Error is ValidationError invalid && invalid.Errors.ContainsKey("email")) return ValidationError.For("email", EmailTaken);
            return created;
        }, ct);
    }
}
