using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Http;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Paging;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.People;

public static class UsersApi
{
    public static IServiceCollection AddPeople(this IServiceCollection services) => services
        .AddScoped<CreateUser>()
        .AddScoped<CreateUserWithTeams>()
        .AddScoped<ListUsers>()
        .AddScoped<ReadUser>()
        .AddScoped<UpdateUser>()
        .AddScoped<ChangePassword>()
        .AddScoped<ReadTeams>()
        .AddScoped<CreateTeam>()
        .AddScoped<UpdateTeam>()
        .AddScoped<ChangeTeamMembership>();

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        // Anyone signed in reaches the group; each endpoint narrows it, since a group's policy cannot be loosened.
        var users = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Policies.Anyone);
        users.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("The directory of people, by name; search by name or email prefix")
            .RequireAuthorization(Policies.Staff);
        users.MapPost("/", CreateAsync).WithName("CreateUser").WithSummary("Create a user, optionally in teams")
            .RequireAuthorization(Policies.Admins).WithIdempotency().WithJsonBodyLimit();
        users.MapGet("/{id:guid}", GetAsync).WithName("GetUser").WithSummary("Read a user (staff read anyone, everyone reads themselves)");
        users.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateUser")
            .WithSummary("Change name, email, role or active flag; deactivating revokes the user's tokens and sign-ins")
            .RequireAuthorization(Policies.Admins).WithJsonBodyLimit();
        users.MapPost("/{id:guid}/password", ChangePasswordAsync).WithName("ChangePassword")
            .WithSummary("Set a password (admins for others; yourself with currentPassword)").WithJsonBodyLimit();
        users.MapGet("/{id:guid}/audit", AuditAsync).WithName("UserAudit").WithSummary("Every change to the user")
            .RequireAuthorization(Policies.Admins);
        return app;
    }

    private static async Task<Results<Ok<Page<UserDto>>, ProblemHttpResult>> ListAsync(
        ListUsers list, CancellationToken ct,
        string? role = null, string? search = null, string? active = null, int? limit = null, string? cursor = null)
    {
        var check = new Validator();
        var roles = QueryEnums.ParseList<Role>("role", role, check);
        bool? activeValue = active switch
        {
            null or "" => null,
            _ when bool.TryParse(active, out var flag) => flag,
            _ => null,
        };
        if (activeValue is null && !string.IsNullOrEmpty(active)) check.Add("active", "Use true or false.");
        if (!check.IsValid) return check.ToError().ToProblem();
        var page = await list.ExecuteAsync(new UserFilter(roles, search, activeValue, limit, cursor), ct);
        return page.ToOk();
    }

    private static async Task<Results<Created<UserDto>, ProblemHttpResult>> CreateAsync(
        NewUserRequest request, CreateUserWithTeams create, ReadUser read, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var created = await create.ExecuteAsync(request, actor, ct);
        if (!created.Succeeded) return created.Error!.ToProblem();
        var user = await read.ExecuteAsync(created.Value!.Id, actor, ct);
        return TypedResults.Created($"/api/v1/users/{user.Value!.Id}", user.Value);
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> GetAsync(Guid id, ReadUser read, HttpContext http, CancellationToken ct)
    {
        var user = await read.ExecuteAsync(id, Actor.FromPrincipal(http.User), ct);
        return user.ToOk();
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateUserRequest request, UpdateUser update, ReadUser read, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var updated = await update.ExecuteAsync(id, request, actor, ct);
        if (!updated.Succeeded) return updated.Error!.ToProblem();
        var user = await read.ExecuteAsync(id, actor, ct);
        return TypedResults.Ok(user.Value);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        Guid id, ChangePasswordRequest request, ChangePassword change, SignInManager<User> signIn, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.FromPrincipal(http.User);
        var changed = await change.ExecuteAsync(id, request, actor, ct);
        if (!changed.Succeeded) return changed.Error!.ToProblem();
        // The new security stamp would end this very cookie at its next check; reissue it for the person who just proved who they are.
        if (actor.UserId == id && http.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme
            && await signIn.UserManager.FindByIdAsync(id.ToString()) is { } user)
            await signIn.RefreshSignInAsync(user);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Page<AuditEventDto>>, ProblemHttpResult>> AuditAsync(
        Guid id, RapportDbContext db, CancellationToken ct, int? limit = null, string? cursor = null)
    {
        var entityId = id.ToString();
        var page = await AuditTrail.PageAsync(db.AuditEvents.Where(a => a.EntityType == "user" && a.EntityId == entityId), limit, cursor, ct);
        return page.ToOk();
    }
}
