using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rapport.Data;

namespace Rapport.Features.Health;

public static class HealthEndpoints
{
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<SchemaIsCurrent>("database", tags: ["ready"]);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Alive: the process answers. Ready: the database answers and its schema is current.
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).DisableRateLimiting();
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") }).DisableRateLimiting();
        return app;
    }

    private sealed class SchemaIsCurrent(IServiceScopeFactory scopes) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
                return await migrator.IsUpToDateAsync(cancellationToken)
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy("The database schema has pending migrations.");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The database is not reachable.");
            }
        }
    }
}
