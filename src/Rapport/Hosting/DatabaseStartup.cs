using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Features.Demo;

namespace Rapport.Hosting;

public static class DatabaseStartupRegistration
{
    /// <summary>
    /// Runs first among the hosted services, before the key ring is read and before Kestrel
    /// listens, so nothing touches a database whose schema is not there yet.
    /// </summary>
    public static IHostApplicationBuilder AddDatabaseStartup(this IHostApplicationBuilder builder)
    {
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseStartup>());
        return builder;
    }
}

/// <summary>
/// On start: migrate when configured (the embedded database by default), seed the demo data
/// into an empty database when configured, and print where Rapport listens and how to sign in.
/// </summary>
internal sealed class DatabaseStartup(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IOptions<DemoOptions> demo,
    IHostApplicationLifetime lifetime,
    IServer server,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var migrate = database.Value.MigrateOnStart ?? database.Value.ParsedProvider == DatabaseProvider.Sqlite;
        if (migrate) await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);

        var seeded = false;
        if (demo.Value.SeedOnStart)
            seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(DemoSize.Small, null, cancellationToken);

        lifetime.ApplicationStarted.Register(() => PrintBanner(seeded || demo.Value.SeedOnStart));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void PrintBanner(bool demoSignIns)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses) logger.LogInformation("Rapport is listening on {Address}", address);
        if (!demoSignIns) return;
        logger.LogInformation("Demo sign-ins (password {Password}): {Emails}", DemoSeeder.DemoPassword, string.Join(", ", DemoSeeder.DemoEmails));
    }
}
