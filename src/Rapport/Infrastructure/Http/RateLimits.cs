using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace Rapport.Infrastructure.Http;

/// <summary>Section "Rapport:RateLimits": a token bucket per signed-in user, or per address for anonymous calls.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Rapport:RateLimits";
    public bool Enabled { get; set; } = true;
    public int PermitsPerSecond { get; set; } = 50;
    public int Burst { get; set; } = 200;
}

public static class RateLimits
{
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (options.PermitsPerSecond < 1 || options.Burst < 1)
            throw new Microsoft.Extensions.Options.OptionsValidationException(RateLimitOptions.Section, typeof(RateLimitOptions),
                ["Rapport:RateLimits:PermitsPerSecond and Rapport:RateLimits:Burst must be at least 1."]);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = 429,
                        Title = "Too many requests",
                        Detail = "Slow down: this caller has used its request allowance. Retry after the time in Retry-After.",
                    },
                });
            };
            if (!options.Enabled) return;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!context.Request.Path.StartsWithSegments("/api")) return RateLimitPartition.GetNoLimiter("pages");
                var caller = context.User.FindFirstValue(ClaimTypes.NameIdentifier)
                    ?? "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return builder;
    }
}
