using Microsoft.Extensions.Options;

namespace Rapport.Features.Portal;

/// <summary>The customer portal: sign-up, password reset, requests. Pages live in Pages/; this adds their services and the theme.</summary>
public static class PortalRegistration
{
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.AddSingleton<PasswordResetLinks>()
            .AddScoped<PortalPasswordReset>()
            .AddScoped<SignUpCustomer>()
            .AddScoped<MarkSolvedByRequester>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        app.MapGet(PortalTheme.Path, (HttpContext http, IOptions<PortalOptions> options) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(PortalTheme.Css(options.Value), "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
