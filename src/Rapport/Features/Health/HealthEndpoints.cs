using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rapport.Data;

namespace Rapport.Features.Health;

public static class HealthEndpoints
{
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SchemaIsCurrent>();
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
        // One per app (a singleton): a schema that was current stays current until the next deployment restarts it.
        private bool schemaCurrent;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // Load balancers poll this: once the schema was found current, only connectivity is rechecked.
                if (Volatile.Read(ref schemaCurrent))
                    return await scope.ServiceProvider.GetRequiredService<RapportDbContext>().Database.CanConnectAsync(cancellationToken)
                        ? HealthCheckResult.Healthy()
                        : HealthCheckResult.Unhealthy("The database is not reachable.");
                var current = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().IsUpToDateAsync(cancellationToken);
                if (current) Volatile.Write(ref schemaCurrent, true);
                return current
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
