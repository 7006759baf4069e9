using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Rapport.Tests.Infrastructure;

namespace Rapport.Browser.Tests.Infrastructure;

/// <summary>
/// The real server on a loopback port and Debian's Chromium driven by Playwright. Each test
/// class gets one of each; tests make their own users and tickets.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public RapportApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public static string ArtifactsDirectory { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("RAPPORT_TEST_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts"), "screenshots");

    public async Task InitializeAsync()
    {
        // Two cores shared with a server and a browser: give slow moments room, fail only on real absence.
        Assertions.SetDefaultExpectTimeout(15_000);
        App = await RapportApp.StartOnPortAsync(Db.Sqlite);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("RAPPORT_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies) at the given size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.Address!.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInPageAsync(TestUser user, int width = 1280)
    {
        var page = await NewPageAsync(width);
        await page.GotoAsync(user.Role == Features.People.Role.Customer ? "/portal/signin" : "/signin");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(RapportApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });
    }

    /// <summary>Follows a link in the top bar's Supervise group (approvals, complaints, workload, absences), opening the group first.</summary>
    public static async Task SuperviseAsync(IPage page, string link)
    {
        var group = page.Locator("details[data-supervise]");
        if (!await group.EvaluateAsync<bool>("details => details.open")) await group.Locator("summary").ClickAsync();
        await group.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
    }

    /// <summary>Runs axe-core on the page and fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }
}
