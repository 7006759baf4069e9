namespace Rapport.Web;

/// <summary>The browser UI: server-rendered Razor components, made lively with htmx.</summary>
public static class WebRegistration
{
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<PanelLoads>();
        builder.Services.AddAntiforgery(options => options.Cookie.Name = "rapport.af");
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseEmbeddedAssets();
        app.Use(async (context, next) =>
        {
            // Pages are ours alone: no framing, no sniffing, scripts only from this origin.
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments("/api"))
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
            await next(context);
        });
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.MapRazorComponents<App>();
        return app;
    }
}
