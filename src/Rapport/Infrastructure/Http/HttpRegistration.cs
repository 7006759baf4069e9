using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Rapport.Infrastructure.Idempotency;
using Rapport.Infrastructure.Json;
using Rapport.Infrastructure.Problems;

namespace Rapport.Infrastructure.Http;

/// <summary>What every endpoint shares: JSON shape, problem details, rate limits, OpenAPI.</summary>
public static class HttpRegistration
{
    public static IHostApplicationBuilder AddHttpConventions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<JsonOptions>(json => Configure(json.SerializerOptions));
        // Binding failures throw, so the exception handler can name the field instead of a bare 400.
        services.Configure<RouteHandlerOptions>(route => route.ThrowOnBadRequest = true);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Type = ProblemMapping.TypeFor(context.ProblemDetails.Status ?? 500);
            context.ProblemDetails.Extensions.Remove("traceId");
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddScoped<IdempotencyFilter>();
        services.AddSingleton(TimeProvider.System);
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<OpenApiDocumentDescription>());
        builder.AddRateLimits();
        return builder;
    }

    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new SnakeCaseEnumConverterFactory());
        json.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
    }

    public static WebApplication UseHttpConventions(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Empty error responses (401, 403, 404 from routing, 405) get a problem-details body too.
        app.UseStatusCodePages();
        app.UseRequestBodyLimits();
        app.UseIdempotencyKeys();
        return app;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "api/docs";
            ui.SwaggerEndpoint("/openapi/v1.json", "Rapport API v1");
            ui.DocumentTitle = "Rapport API";
        });
        return app;
    }
}
