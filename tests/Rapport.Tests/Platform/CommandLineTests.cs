using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Rapport.Tests.Platform;

/// <summary>The executable as an operator meets it: the run command, its subcommands and its settings.</summary>
public class CommandLineTests
{
    [Fact]
    public async Task RunCommand_OnFreshDirectory_MigratesSeedsAndAnswersReadyz()
    {
        var directory = RapportProcess.NewWorkingDirectory();
        var port = RapportProcess.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        await using var server = RapportProcess.Start(directory, ["--urls", address.ToString()]);

        Assert.Equal(HttpStatusCode.OK, await server.WaitForReadyAsync(address, TimeSpan.FromSeconds(60)));
        Assert.True(File.Exists(Path.Combine(directory, "data", "rapport.db")), server.Output);
        Assert.Contains(address.ToString().TrimEnd('/'), server.Output);
        Assert.Contains("agent@example.com", server.Output);

        using var http = new HttpClient { BaseAddress = address };
        var signIn = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = "agent@example.com", password = "Rapport-demo-1" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task UsersAndTokensCreate_GiveAWorkingToken_PrintedAlone()
    {
        var directory = RapportProcess.NewWorkingDirectory();
        var noDemo = new Dictionary<string, string> { ["Rapport__Demo__SeedOnStart"] = "false" };

        var user = await RapportProcess.RunAsync(directory,
            ["users", "create", "--email", "ops@example.org", "--name", "Ops Person", "--role", "Admin", "--password", "Correct-horse-9"], noDemo);
        Assert.True(user.ExitCode == 0, user.StdErr + user.StdOut);

        var token = await RapportProcess.RunAsync(directory, ["tokens", "create", "--email", "ops@example.org", "--name", "ci"], noDemo);
        Assert.True(token.ExitCode == 0, token.StdErr + token.StdOut);
        var secret = Assert.Single(token.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("rpt_", secret);

        var port = RapportProcess.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        await using var server = RapportProcess.Start(directory, ["--urls", address.ToString()], noDemo);
        Assert.Equal(HttpStatusCode.OK, await server.WaitForReadyAsync(address, TimeSpan.FromSeconds(60)));
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret.Trim());
        var me = await http.GetFromJsonAsync<Dictionary<string, object>>("/api/v1/me");
        Assert.Equal("Ops Person", me!["name"].ToString());
        Assert.DoesNotContain(secret.Trim(), server.Output);
        // Without demo data there are no demo sign-ins.
        http.DefaultRequestHeaders.Authorization = null;
        var demo = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = "agent@example.com", password = "Rapport-demo-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
    }

    [Theory]
    [InlineData("Rapport__Database__Provider", "Oracle", "Rapport:Database:Provider")]
    [InlineData("Rapport__Database__MigrateOnStart", "sometimes", "Rapport:Database:MigrateOnStart")]
    [InlineData("Rapport__RateLimits__PermitsPerSecond", "0", "Rapport:RateLimits:PermitsPerSecond")]
    public async Task WrongSetting_StopsStart_WithMessageNamingIt(string variable, string value, string named)
    {
        var result = await RapportProcess.RunAsync(RapportProcess.NewWorkingDirectory(), ["migrate"],
            new Dictionary<string, string> { [variable] = value });
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(named, result.StdErr);
    }

    [Fact]
    public async Task PostgreSqlWithoutConnectionString_StopsStart_NamingTheSetting()
    {
        var result = await RapportProcess.RunAsync(RapportProcess.NewWorkingDirectory(), ["migrate"],
            new Dictionary<string, string> { ["Rapport__Database__Provider"] = "PostgreSQL" });
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ConnectionStrings:Rapport", result.StdErr);
    }

    [Fact]
    public async Task SeedDemo_RejectsNonsenseSizes()
    {
        var result = await RapportProcess.RunAsync(RapportProcess.NewWorkingDirectory(), ["seed-demo", "--tickets", "-5"]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--tickets", result.StdErr);
    }
}
