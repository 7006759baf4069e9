using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Access;

/// <summary>Issues a named API token for a user. The secret is returned once and only its hash is kept.</summary>
public sealed class CreateApiToken(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public sealed record Created(long Id, string Name, string Token, DateTimeOffset CreatedAt);

    public async Task<Result<Created>> ExecuteAsync(Guid userId, string? name, Actor actor, CancellationToken ct, string? scope = null)
    {
        var check = new Validator().Required("name", name, 100);
        if (scope is not null && !TokenScopes.All.Contains(scope)) check.Add("scope", $"Use one of: {string.Join(", ", TokenScopes.All)}.");
        if (!check.IsValid) return check.ToError();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !user.IsActive) return new NotFoundError("No such active user.");

        var secret = ApiTokenSecrets.NewToken();
        var token = new ApiToken
        {
            UserId = userId,
            Name = name!.Trim(),
            Prefix = ApiTokenSecrets.Visible(secret),
            Hash = ApiTokenSecrets.Hash(secret),
            CreatedAt = clock.GetUtcNow(),
            Scope = scope,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, "api_token", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "created",
            new AuditChanges().Set("name", null, token.Name).Set("user", null, user.Email).Set("scope", null, scope));
        await db.SaveChangesAsync(ct);
        return new Created(token.Id, token.Name, secret, token.CreatedAt);
    }
}
