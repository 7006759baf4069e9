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
        // Not WaitForURLAsync: it then waits for the "load" event, which Playwright now and then missed for the page the
        // sign-in redirects to (the test timed out though the page was there). The URL assertion retries, and the
        // document's own readyState says when it has loaded.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await WaitUntilSettledAsync(page);
        return page;
    }

    /// <summary>Opens a top-bar menu ("team" or "me") unless it is open already.</summary>
    public static async Task OpenMenuAsync(IPage page, string menu)
    {
        var details = page.Locator($"details[data-menu='{menu}']");
        if (await details.GetAttributeAsync("open") is null) await details.Locator("summary").ClickAsync();
    }

    /// <summary>Clicks a form's submit button and waits until the page it posts to has settled.</summary>
    public static async Task SubmitAsync(IPage page, ILocator button)
    {
        await page.RunAndWaitForResponseAsync(() => button.ClickAsync(), response => response.Request.Method == "POST");
        await WaitUntilSettledAsync(page);
    }

    /// <summary>
    /// Waits until the page is at the address, then until it has settled. Not WaitForURLAsync: it waits for a load
    /// state as well, by default the "load" event, which Playwright now and then misses on a busy machine; and with
    /// WaitUntil = Commit, on a page already at the address, it waited for a "commit" state that never came. The
    /// page's address is what Playwright last saw committed; the document's readyState does the rest.
    /// </summary>
    public static Task ArrivedAtAsync(IPage page, string glob) => ArrivedAtAsync(page, Glob(glob));

    public static Task ArrivedAtAsync(IPage page, System.Text.RegularExpressions.Regex url) => ArrivedAtAsync(page, url.IsMatch);

    public static async Task ArrivedAtAsync(IPage page, Func<string, bool> url)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!url(page.Url))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The page stayed at {page.Url}.");
            await Task.Delay(50);
        }
        await WaitUntilSettledAsync(page);
    }

    /// <summary>A Playwright URL glob as a test on the whole address: ** any characters, * any but a slash, ? any one.</summary>
    private static Func<string, bool> Glob(string glob)
    {
        var pattern = System.Text.RegularExpressions.Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal);
        var regex = new System.Text.RegularExpressions.Regex("^" + pattern + "$");
        return regex.IsMatch;
    }

    /// <summary>
    /// Waits until the document has loaded and htmx has no request in flight and no swap unsettled: then the
    /// answer to the last action is on the page. Not "network idle": that needs half a second without any
    /// request, which unrelated traffic on a busy machine can put off past the timeout (CI failed on it twice).
    /// </summary>
    public static async Task WaitUntilSettledAsync(IPage page)
    {
        const string settled = "() => document.readyState === 'complete' && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.WaitForFunctionAsync(settled);
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // The document was replaced while the check ran (a navigation, not an htmx swap): check the new one.
            }
        }
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });
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
