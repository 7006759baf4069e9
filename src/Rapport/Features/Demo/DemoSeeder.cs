using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.People;

namespace Rapport.Features.Demo;

/// <summary>Creates the demo data set. (First form: the demo sign-ins; the realistic data set follows.)</summary>
public sealed class DemoSeeder(RapportDbContext db, CreateUser createUser, ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "Rapport-demo-1";
    public static readonly string[] DemoEmails =
        ["admin@example.com", "manager@example.com", "lead@example.com", "agent@example.com", "customer@example.com"];

    public async Task<bool> SeedIfEmptyAsync(DemoSize size, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return false;
        await SeedAsync(DemoSeedRequest.Small, progress, ct);
        return true;
    }

    public async Task SeedAsync(DemoSeedRequest request, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        string[] names = ["Ada Admin", "Morgan Manager", "Lee Lead", "Alex Agent"];
        Role[] roles = [Role.Admin, Role.Manager, Role.TeamLead, Role.Agent];
        for (var i = 0; i < roles.Length; i++)
        {
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == DemoEmails[i].ToUpperInvariant(), ct)) continue;
            var created = await createUser.ExecuteAsync(new CreateUserRequest(DemoEmails[i], names[i], roles[i], DemoPassword, null), Actor.System, ct);
            if (!created.Succeeded) logger.LogWarning("Demo user {Email} not created: {Detail}", DemoEmails[i], created.Error!.Detail);
        }
        progress?.Report(new DemoProgress("Demo sign-ins", 1, 1));
    }
}

public static class DemoRegistration
{
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddScoped<DemoSeeder>();
        return builder;
    }
}
