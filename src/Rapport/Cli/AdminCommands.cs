using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Demo;
using Rapport.Features.People;
using Rapport.Features.Search;
using Spectre.Console;

namespace Rapport.Cli;

/// <summary>Commands for operators: schema, demo data, users and API tokens. Each runs against the configured database.</summary>
internal static class AdminCommands
{
    public static Command Migrate()
    {
        var command = new Command("migrate", "Apply pending database migrations and exit.") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, ct) =>
        {
            await using var scope = await OpenAsync(result, migrate: true, ct);
            Console.WriteLine("The database schema is up to date.");
            return 0;
        });
        return command;
    }

    public static Command SeedDemo()
    {
        var customers = new Option<int>("--customers") { Description = "How many customers", DefaultValueFactory = _ => DemoSeedRequest.Small.Customers };
        var tickets = new Option<int>("--tickets") { Description = "How many tickets", DefaultValueFactory = _ => DemoSeedRequest.Small.Tickets };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same data", DefaultValueFactory = _ => DemoSeedRequest.Small.Seed };
        var command = new Command("seed-demo", "Fill the database with realistic demo data.") { customers, tickets, seed };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            var request = new DemoSeedRequest(result.GetValue(customers), result.GetValue(tickets), result.GetValue(seed));
            if (request.Validate() is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 1;
            }
            await using var scope = await OpenAsync(result, migrate: true, ct);
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            await WithProgressBarsAsync(progress => seeder.SeedAsync(request, progress, ct));
            Console.WriteLine($"Seeded {request.Customers} customers and {request.Tickets} tickets.");
            return 0;
        });
        return command;
    }

    public static Command Search()
    {
        var reindex = new Command("reindex", "Rebuild the full-text search index from the tickets and customers (after a restore or a bulk load).");
        reindex.TreatUnmatchedTokensAsErrors = false;
        reindex.SetAction(async (result, ct) =>
        {
            await using var scope = await OpenAsync(result, migrate: false, ct);
            var rebuild = scope.ServiceProvider.GetRequiredService<ReindexSearch>();
            ReindexReport? report = null;
            await WithProgressBarsAsync(async progress => report = await rebuild.ExecuteAsync(progress, ct));
            Console.WriteLine($"Indexed {report!.Tickets} tickets and {report.Customers} customers in {report.Took.TotalSeconds:0.0} s.");
            return 0;
        });
        var search = new Command("search", "Manage the search index.");
        search.Subcommands.Add(reindex);
        return search;
    }

    /// <summary>Runs a long job with a progress bar for each stage it reports.</summary>
    private static Task WithProgressBarsAsync(Func<IProgress<DemoProgress>, Task> job) =>
        AnsiConsole.Progress().AutoClear(false).Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var stages = new Dictionary<string, ProgressTask>();
                await job(new Progress<DemoProgress>(p =>
                {
                    if (!stages.TryGetValue(p.Stage, out var task)) stages[p.Stage] = task = progress.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                    task.Value = p.Done;
                }));
            });

    public static Command Users()
    {
        var email = new Option<string>("--email") { Description = "Sign-in email", Required = true };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var role = new Option<Role>("--role") { Description = "Agent, TeamLead, Manager or Admin", Required = true };
        var password = new Option<string?>("--password") { Description = "Password; a random one is made and printed when left out" };
        var create = new Command("create", "Create a staff user.") { email, name, role, password };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction(async (result, ct) =>
        {
            await using var scope = await OpenAsync(result, migrate: false, ct);
            var given = result.GetValue(password);
            var secret = given ?? CreateUser.RandomPassword();
            var created = await scope.ServiceProvider.GetRequiredService<CreateUser>().ExecuteAsync(
                new CreateUserRequest(result.GetValue(email), result.GetValue(name), result.GetValue(role), secret, null), Actor.System, ct);
            if (!created.Succeeded)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, Describe(created.Error!)));
                return 1;
            }
            Console.WriteLine($"Created {result.GetValue(role)} {result.GetValue(email)}.");
            if (given is null) Console.WriteLine($"Password: {secret}");
            return 0;
        });
        var users = new Command("users", "Manage users.");
        users.Subcommands.Add(create);
        return users;
    }

    public static Command Tokens()
    {
        var email = new Option<string>("--email") { Description = "The user the token acts as", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for", Required = true };
        var tokenScope = new Option<string?>("--scope") { Description = "Narrow the token to one use: mail-intake (only POST /api/v1/mail/inbound)" };
        var create = new Command("create", "Create an API token and print it (only the token, on standard output).") { email, name, tokenScope };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction(async (result, ct) =>
        {
            await using var scope = await OpenAsync(result, migrate: false, ct);
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            var normalised = result.GetValue(email)!.Trim().ToUpperInvariant();
            var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised, ct);
            if (user is null)
            {
                await Console.Error.WriteLineAsync($"No user has the email {result.GetValue(email)}.");
                return 1;
            }
            var created = await scope.ServiceProvider.GetRequiredService<CreateApiToken>().ExecuteAsync(user.Id, result.GetValue(name), Actor.System, ct,
                result.GetValue(tokenScope)?.Replace('-', '_'));
            if (!created.Succeeded)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, Describe(created.Error!)));
                return 1;
            }
            Console.WriteLine(created.Value!.Token);
            return 0;
        });
        var tokens = new Command("tokens", "Manage API tokens.");
        tokens.Subcommands.Add(create);
        return tokens;
    }

    /// <summary>Builds the same services the server uses, without starting it.</summary>
    internal static async Task<AsyncServiceScope> OpenAsync(ParseResult result, bool migrate, CancellationToken ct)
    {
        var app = Program.CreateWebApp([.. result.UnmatchedTokens]);
        var scope = app.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        if (migrate || (options.MigrateOnStart ?? options.ParsedProvider == DatabaseProvider.Sqlite)) await migrator.MigrateAsync(ct);
        else if (!await migrator.IsUpToDateAsync(ct))
            throw new InvalidOperationException("The database schema is not up to date: run `rapport migrate` first.");
        return scope;
    }

    private static IEnumerable<string> Describe(Infrastructure.Problems.Error error) => error is Infrastructure.Problems.ValidationError validation
        ? validation.Errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))
        : [error.Detail];
}
