using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Customers;
using Rapport.Features.People;

namespace Rapport.Tests.Infrastructure;

/// <summary>
/// The real server, in process, on its own real database. Helpers say what a test means:
/// create a user of a role and get a client that acts as them.
/// </summary>
public sealed class RapportApp(Db db, string connectionString, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Set when the app listens on a real loopback port (for a browser), not only in memory.</summary>
    public Uri? Address { get; private set; }

    public Db Db { get; } = db;
    public string ConnectionString { get; } = connectionString;

    /// <param name="clock">A clock the test moves itself (FakeTimeProvider), for SLA clocks, sweeps and deadlines.</param>
    public static async Task<RapportApp> StartAsync(Db db, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var app = new RapportApp(db, await Databases.CreateAsync(db), settings, clock);
        app.Server.ToString(); // start now, so migrations run before the first test
        return app;
    }

    /// <summary>The app on a real 127.0.0.1 port, for a browser to reach.</summary>
    public static async Task<RapportApp> StartOnPortAsync(Db db, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new RapportApp(db, await Databases.CreateAsync(db), settings);
        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        app.Address = new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Rapport:Database:Provider", Db == Db.Sqlite ? "Sqlite" : "PostgreSQL");
        builder.UseSetting("ConnectionStrings:Rapport", ConnectionString);
        builder.UseSetting("Rapport:Database:MigrateOnStart", "true");
        builder.UseSetting("Rapport:Demo:SeedOnStart", "false");
        builder.UseSetting("Rapport:RateLimits:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        // Password hashing at full strength costs ~100 ms per user; tests make many users.
        builder.ConfigureServices(services =>
        {
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            if (clock is not null) services.AddSingleton(clock);
        });
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<RapportDbContext, Task<T>> work) =>
        WithScopeAsync(services => work(services.GetRequiredService<RapportDbContext>()));

    public static string UniqueEmail(string who = "person") => $"{who}-{Guid.NewGuid():N}@example.test";

    public const string Password = "Test-password-1";

    /// <summary>Creates a user with the role (a customer user gets a customer record too).</summary>
    public async Task<TestUser> CreateUserAsync(Role role, string? email = null, long? customerId = null)
    {
        email ??= UniqueEmail(role.ToString().ToLowerInvariant());
        return await WithScopeAsync(async services =>
        {
            if (role == Role.Customer && customerId is null)
            {
                var customer = await services.GetRequiredService<FindOrCreateCustomer>().ExecuteAsync(email, "Customer " + email[..8], Actor.System, default);
                await services.GetRequiredService<RapportDbContext>().SaveChangesAsync();
                customerId = customer.Id;
            }
            var created = await services.GetRequiredService<CreateUser>()
                .ExecuteAsync(new CreateUserRequest(email, $"{role} {email[..8]}", role, Password, customerId), Actor.System, default);
            if (!created.Succeeded) throw new InvalidOperationException(created.Error!.Detail);
            var token = await services.GetRequiredService<CreateApiToken>().ExecuteAsync(created.Value!.Id, "tests", Actor.System, default);
            return new TestUser(created.Value.Id, email, role, customerId, token.Value!.Token);
        });
    }

    /// <summary>A client that authenticates as the user with their API token.</summary>
    public HttpClient ClientFor(TestUser user)
    {
        var client = CreateClient(ClientOptionsNoRedirect());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(ClientOptionsNoRedirect());

    private WebApplicationFactoryClientOptions ClientOptionsNoRedirect() =>
        new() { AllowAutoRedirect = false, BaseAddress = Address ?? ClientOptions.BaseAddress };

    public async Task<(TestUser User, HttpClient Client)> SignInAsync(Role role)
    {
        var user = await CreateUserAsync(role);
        return (user, ClientFor(user));
    }
}

public sealed record TestUser(Guid Id, string Email, Role Role, long? CustomerId, string Token);
