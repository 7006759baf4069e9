using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Data;

namespace Rapport.Features.Access;

/// <summary>Authenticates "Authorization: Bearer rpt_…" by looking up the token's hash.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    RapportDbContext db,
    ApiTokenCache cache,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    // Writing last-used on every request would turn each read into a write; once a minute is enough to see use.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed token.");

        var hash = ApiTokenSecrets.Hash(secret);
        if (cache.Find(hash) is { } remembered) return Success(remembered);

        var generation = cache.Generation;
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null && t.User.IsActive)
            .Select(t => new { t.Id, t.LastUsedAt, t.User, t.Scope })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null) return AuthenticateResult.Fail("Unknown or revoked token.");

        var now = clock.GetUtcNow();
        if (found.LastUsedAt is null || now - found.LastUsedAt > LastUsedResolution)
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);

        var claims = found.Scope is null ? RapportClaims.For(found.User) : RapportClaims.ForScope(found.User, found.Scope);
        cache.Remember(hash, claims, generation);
        return Success(claims);
    }

    private static AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
