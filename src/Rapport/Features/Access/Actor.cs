using System.Security.Claims;
using Rapport.Features.People;

namespace Rapport.Features.Access;

/// <summary>Who is acting: a signed-in person, a token's owner, or the system itself (CLI, jobs).</summary>
public sealed record Actor(Guid? UserId, string Name, Role Role, long? CustomerId)
{
    public static readonly Actor System = new(null, "Rapport", Role.Admin, null);

    public bool IsStaff => Role.IsStaff();
    public bool IsCustomer => Role == Role.Customer;
    /// <summary>Managers and admins see every ticket, including those of restricted teams.</summary>
    public bool SeesAllTeams => Role is Role.Admin or Role.Manager;

    public static Actor FromPrincipal(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var r) ? r : Role.Customer;
        long? customerId = long.TryParse(principal.FindFirstValue(RapportClaims.CustomerId), out var c) ? c : null;
        return new Actor(
            Guid.TryParse(id, out var userId) ? userId : null,
            principal.FindFirstValue(RapportClaims.DisplayName) ?? principal.Identity?.Name ?? "unknown",
            role,
            customerId);
    }
}

public static class RapportClaims
{
    public const string CustomerId = "rapport:customer";
    public const string DisplayName = "rapport:name";
    /// <summary>Present only on a scoped API token's principal (see <see cref="TokenScopes"/>).</summary>
    public const string Scope = "rapport:scope";

    public static List<Claim> For(User user) =>
    [
        new(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new(ClaimTypes.Name, user.Email ?? user.DisplayName),
        new(DisplayName, user.DisplayName),
        new(ClaimTypes.Role, user.Role.ToString()),
        .. user.CustomerId is { } customerId ? [new Claim(CustomerId, customerId.ToString(System.Globalization.CultureInfo.InvariantCulture))] : Array.Empty<Claim>(),
    ];

    /// <summary>A scoped token's claims: who owns it and its scope, and no role.</summary>
    public static List<Claim> ForScope(User user, string scope) =>
    [
        new(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new(ClaimTypes.Name, user.Email ?? user.DisplayName),
        new(DisplayName, user.DisplayName),
        new(Scope, scope),
    ];
}
