using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Rapport.Features.People;

namespace Rapport.Features.Access;

/// <summary>The browser's front door: "/" sends each person to their start page; sign-out is a form post.</summary>
public static class WebSignIn
{
    public static IEndpointRouteBuilder MapWebSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http) =>
        {
            if (http.User.Identity?.IsAuthenticated != true) return Results.Redirect("/signin");
            return Results.Redirect(Actor.FromPrincipal(http.User).IsStaff ? "/agent" : "/portal");
        }).ExcludeFromDescription();

        app.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<User> signIn) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            var wasCustomer = !Actor.FromPrincipal(http.User).IsStaff;
            await signIn.SignOutAsync();
            return Results.Redirect(wasCustomer ? "/portal/signin" : "/signin");
        }).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }
}
