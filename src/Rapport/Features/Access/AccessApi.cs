using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.People;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Access;

public sealed record SignInRequest(string? Email, string? Password);

public sealed record MeDto(Guid Id, string Name, string? Email, Role Role, long? CustomerId);

public sealed record CreateTokenRequest(string? Name);

public sealed record ApiTokenDto(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public static class AccessApi
{
    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Sign-in");
        auth.MapPost("/sign-in", SignInAsync).WithName("SignIn").WithSummary("Sign in with email and password (sets the cookie)")
            .AllowAnonymous().WithJsonBodyLimit();
        auth.MapPost("/sign-out", SignOutAsync).WithName("SignOut").WithSummary("Sign out").RequireAuthorization(Policies.Anyone);

        var me = app.MapGroup("/api/v1/me").WithTags("Sign-in").RequireAuthorization(Policies.Anyone);
        me.MapGet("/", (HttpContext http) => Me(Actor.FromPrincipal(http.User), http)).WithName("Me").WithSummary("Who am I");
        me.MapGet("/tokens", ListTokensAsync).WithName("ListMyTokens").WithSummary("My API tokens (never the secrets)");
        me.MapPost("/tokens", CreateTokenAsync).WithName("CreateMyToken").WithSummary("Create an API token; the secret is shown once")
            .WithJsonBodyLimit();
        me.MapDelete("/tokens/{id:long}", RevokeTokenAsync).WithName("RevokeMyToken").WithSummary("Revoke one of my API tokens");
        return app;
    }

    private static async Task<Results<Ok<MeDto>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, SignInManager<User> signIn, RapportDbContext db, CancellationToken ct)
    {
        var check = new Validator().Required("email", request.Email, 254).Required("password", request.Password, 200);
        if (!check.IsValid) return check.ToError().ToProblem();
        var email = request.Email!.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email, ct);
        if (user is null || !user.IsActive) return SignInFailed("The email or password is wrong.");
        var result = await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut) return SignInFailed("Too many failed attempts: this account is locked for a while. Try again later.");
        if (!result.Succeeded) return SignInFailed("The email or password is wrong.");
        return TypedResults.Ok(new MeDto(user.Id, user.DisplayName, user.Email, user.Role, user.CustomerId));
    }

    private static ProblemHttpResult SignInFailed(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
            type: ProblemMapping.TypeFor(StatusCodes.Status401Unauthorized));

    private static async Task<NoContent> SignOutAsync(SignInManager<User> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Ok<MeDto> Me(Actor actor, HttpContext http) =>
        TypedResults.Ok(new MeDto(actor.UserId!.Value, actor.Name, http.User.Identity?.Name, actor.Role, actor.CustomerId));

    private static async Task<Results<Ok<List<ApiTokenDto>>, ProblemHttpResult>> ListTokensAsync(UserApiTokens tokens, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        return (await tokens.ListAsync(actor.UserId!.Value, actor, ct)).ToOk();
    }

    private static async Task<Results<Created<CreateApiToken.Created>, ProblemHttpResult>> CreateTokenAsync(
        CreateTokenRequest request, CreateApiToken create, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var created = await create.ExecuteAsync(actor.UserId!.Value, request.Name, actor, ct);
        return created.Succeeded ? TypedResults.Created($"/api/v1/me/tokens/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(
        long id, UserApiTokens tokens, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var revoked = await tokens.RevokeAsync(actor.UserId!.Value, id, actor, ct);
        return revoked.Succeeded ? TypedResults.NoContent() : revoked.Error!.ToProblem();
    }
}
