namespace Rapport.Infrastructure.Idempotency;

public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxLength = 255;

    /// <summary>Lets the filter hash the raw body after model binding has read it.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.ContainsKey(Header))
            context.Request.EnableBuffering();
        await next(context);
    });
}
