using System.CommandLine;
using Microsoft.Extensions.Options;

namespace Rapport.Cli;

/// <summary>
/// The executable's commands. With no command it serves; anything it does not recognise
/// (e.g. --urls) is handed on to the ASP.NET Core host as configuration.
/// </summary>
public static class RapportCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Rapport: customer service, from one command.") { TreatUnmatchedTokensAsErrors = false };
        var serve = new Command("serve", "Run the web server (the default).") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction((result, ct) => ServeAsync([.. result.UnmatchedTokens], ct));
        root.SetAction((result, ct) => ServeAsync([.. result.UnmatchedTokens], ct));
        root.Subcommands.Add(serve);
        root.Subcommands.Add(AdminCommands.Migrate());
        root.Subcommands.Add(AdminCommands.SeedDemo());
        root.Subcommands.Add(AdminCommands.Users());
        root.Subcommands.Add(AdminCommands.Tokens());
        root.Subcommands.Add(AdminCommands.Search());
        root.Subcommands.Add(Features.Email.Intake.MailIngestCommand.Create((result, ct) => AdminCommands.OpenAsync(result, migrate: false, ct)));
        try
        {
            // Our handler below turns bad settings into one clear line, not a stack trace.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OptionsValidationException invalid)
        {
            await Console.Error.WriteLineAsync("Rapport cannot start: " + string.Join(" ", invalid.Failures));
            return 2;
        }
        catch (InvalidOperationException stopped) when (stopped.Message.StartsWith("The database schema is not up to date", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync(stopped.Message);
            return 1;
        }
    }

    private static async Task<int> ServeAsync(string[] hostArgs, CancellationToken ct)
    {
        var app = Program.CreateWebApp(hostArgs);
        await app.RunAsync(ct);
        return 0;
    }
}
