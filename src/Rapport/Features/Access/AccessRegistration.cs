using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Features.People;

namespace Rapport.Features.Access;

public static class AccessRegistration
{
    public const string Scheme = "Rapport";

    public static IHostApplicationBuilder AddAccess(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<User>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireDigit = true;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<RapportDbContext>()
            .AddClaimsPrincipalFactory<RapportClaimsPrincipalFactory>()
            // One-time tokens (password reset links) need the token providers; a link lives two hours.
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));

        services.AddAuthentication(Scheme)
            // One scheme for the whole app: a bearer token when the request carries one, else the sign-in cookie.
            .AddPolicyScheme(Scheme, "Cookie or API token", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
        {
            cookie.Cookie.Name = "rapport.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/signin";
            cookie.AccessDeniedPath = "/forbidden";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            // The API answers 401/403; only pages redirect to the sign-in form.
            cookie.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });

        // Keys live in the database so that several instances behind one load balancer read each other's cookies.
        services.AddDataProtection().SetApplicationName("Rapport").PersistKeysToDbContext<RapportDbContext>();

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(c => !IsScoped(c.User)).Build())
            // A scoped token (mail intake) is signed in, but is nobody's account: "anyone" does not include it.
            .AddPolicy(Policies.Anyone, p => p.RequireAuthenticatedUser().RequireAssertion(c => !IsScoped(c.User)))
            .AddPolicy(Policies.MailIntake, p => p.RequireAssertion(c =>
                c.User.HasClaim(RapportClaims.Scope, TokenScopes.MailIntake) || c.User.IsInRole(nameof(Role.Admin))))
            .AddPolicy(Policies.Staff, p => p.RequireRole(nameof(Role.Agent), nameof(Role.TeamLead), nameof(Role.Manager), nameof(Role.Admin)))
            .AddPolicy(Policies.Supervisors, p => p.RequireRole(nameof(Role.TeamLead), nameof(Role.Manager), nameof(Role.Admin)))
            .AddPolicy(Policies.Managers, p => p.RequireRole(nameof(Role.Manager), nameof(Role.Admin)))
            .AddPolicy(Policies.Admins, p => p.RequireRole(nameof(Role.Admin)));

        // A deactivated user, or one whose role changed, gets a new security stamp; cookies notice within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<CreateApiToken>().AddScoped<UserApiTokens>().AddSingleton<ApiTokenCache>();
        return builder;
    }

    private static bool IsScoped(System.Security.Claims.ClaimsPrincipal user) => user.HasClaim(claim => claim.Type == RapportClaims.Scope);

    private static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        // Customers sign in on the portal's own page, staff on the workspace's.
        else if (status == StatusCodes.Status401Unauthorized && context.Request.Path.StartsWithSegments("/portal"))
            context.Response.Redirect(context.RedirectUri.Replace("/signin?", "/portal/signin?", StringComparison.Ordinal));
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Puts Rapport's role, display name and customer link into the sign-in cookie.</summary>
internal sealed class RapportClaimsPrincipalFactory(UserManager<User> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var claim in RapportClaims.For(user).Where(c => c.Type is not ClaimTypes.NameIdentifier and not ClaimTypes.Name))
            identity.AddClaim(claim);
        return identity;
    }
}
