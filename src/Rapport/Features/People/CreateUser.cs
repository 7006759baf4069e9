using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

public sealed record CreateUserRequest(string? Email, string? Name, Role? Role, string? Password, long? CustomerId);

/// <summary>Creates a person who can sign in, checking the password policy, and audits it.</summary>
public sealed class CreateUser(RapportDbContext db, UserManager<User> users, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<User>> ExecuteAsync(CreateUserRequest request, Actor actor, CancellationToken ct)
    {
        var check = new Validator()
            .Required("email", request.Email, 254).Email("email", request.Email)
            .Required("name", request.Name, 200)
            .Required("password", request.Password, 200);
        if (request.Role is null) check.Add("role", "This field is required.");
        if (request.Role == People.Role.Customer && request.CustomerId is null) check.Add("customerId", "A customer user must be linked to a customer.");
        if (request.Role is not null && request.Role != People.Role.Customer && request.CustomerId is not null)
            check.Add("customerId", "Only customer users are linked to a customer.");
        if (request.CustomerId is { } customerId && !await db.Customers.AnyAsync(c => c.Id == customerId, ct))
            check.Add("customerId", "No customer has this id.");
        if (request.Email is not null && await users.FindByEmailAsync(request.Email.Trim()) is not null)
            check.Add("email", "A user with this email already exists.");
        if (!check.IsValid) return check.ToError();

        var now = clock.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = request.Email!.Trim(),
            Email = request.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = request.Name!.Trim(),
            Role = request.Role!.Value,
            CustomerId = request.CustomerId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await db.InTransactionAsync<Result<User>>(async () =>
        {
            var result = await users.CreateAsync(user, request.Password!);
            if (!result.Succeeded)
            {
                var failed = new Validator();
                foreach (var error in result.Errors)
                    failed.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
                return failed.ToError();
            }
            audit.Record(actor, "user", user.Id.ToString(), "created",
                new AuditChanges().Set("email", null, user.Email).Set("name", null, user.DisplayName).Set("role", null, user.Role)
                    .Set("customerId", null, user.CustomerId));
            await db.SaveChangesAsync(ct);
            return user;
        }, ct);
    }

    /// <summary>A password that meets the policy, for users created from the command line without one.</summary>
    public static string RandomPassword() =>
        "Rp-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') + "7a";
}
