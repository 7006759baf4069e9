using System.Reflection;
using Microsoft.Extensions.FileProviders;

namespace Rapport.Web;

/// <summary>
/// Front-end files embedded in the assembly (our CSS and JS, and npm packages copied in at
/// build), served under /assets with a version in the URL so browsers may cache them for long.
/// </summary>
public static class WebAssets
{
    private static readonly string Version =
        typeof(WebAssets).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.GetHashCode().ToString("x8", System.Globalization.CultureInfo.InvariantCulture)
        ?? "1";

    public static string Url(string path) => $"/assets/{path}?v={Version}";

    public static IApplicationBuilder UseEmbeddedAssets(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        RequestPath = "/assets",
        FileProvider = new EmbeddedFileProvider(typeof(WebAssets).Assembly, "Rapport.assets"),
        OnPrepareResponse = context =>
        {
            context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Context.Response.Headers.XContentTypeOptions = "nosniff";
        },
    });
}
