using System.Collections.Concurrent;
using BlogSite.Testing;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests;

/// The real host on a Kestrel port of its own, set up from the bundled recipe with one user per role, and one
/// headless Debian Chromium (never a downloaded browser) for the whole test class. Each user signs in through the
/// form once; later contexts start from the cookies that sign-in left.
public class BrowserSiteFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> signedIn = new(StringComparer.Ordinal);
    private TestSite? site;
    private IPlaywright? playwright;

    /// The site's clock; null for the real one.
    protected virtual TimeProvider? Clock => null;

    public IServiceProvider Services => Site.Factory.Services;

    public string MediaFolder => Site.Database.MediaFolder;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Site.BaseAddress!;

    /// Screenshots go here; CI keeps them as the run's artifacts.
    public static string ArtifactsFolder { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("BLOGSITE_ARTIFACTS") is { Length: > 0 } folder
            ? Path.Combine(folder, "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots")).FullName;

    private TestSite Site => site ?? throw new InvalidOperationException("The site is not started.");

    public async Task InitializeAsync()
    {
        site = await TestSite.StartAsync(new TestSiteOptions { OnLoopback = true, UsersByRole = true, Clock = Clock });
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BLOGSITE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// A new browser context on the site, signed in as <paramref name="userName"/> unless it is null.
    public async Task<IBrowserContext> NewContextAsync(string? userName = null, int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, ColorScheme = colorScheme,
        };
        if (userName is not null)
        {
            var signingIn = signedIn.GetOrAdd(userName, name => new Lazy<Task<string>>(() => SignInThroughTheFormAsync(name)));
            try
            {
                options.StorageState = await signingIn.Value;
            }
            catch
            {
                // A failed sign-in is not kept for the class's other tests: the next one signs in afresh.
                signedIn.TryRemove(KeyValuePair.Create(userName, signingIn));
                throw;
            }
        }

        return await Browser.NewContextAsync(options);
    }

    /// A new context signed in as <paramref name="userName"/>, with a page on the dashboard.
    public async Task<(IBrowserContext Context, IPage Page)> SignInAsync(string userName)
    {
        var context = await NewContextAsync(userName);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin");
        return (context, page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (site is not null)
        {
            await site.DisposeAsync();
        }
    }

    private async Task<string> SignInThroughTheFormAsync(string userName)
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestSite.Password);
        // The session cookie comes with the sign-in's redirect; the dashboard it leads to need not be drawn first. On a
        // fresh host, with other classes' hosts and browsers on the same two cores, the first answer has taken over
        // 30 seconds.
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync(),
            response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/login",
            new PageRunAndWaitForResponseOptions { Timeout = 90_000 });
        if (answer.Status != 302)
        {
            throw new InvalidOperationException($"Signing in as {userName} answered {answer.Status}: {await answer.TextAsync()}");
        }

        return await context.StorageStateAsync();
    }
}
