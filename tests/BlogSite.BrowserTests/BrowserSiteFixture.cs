using BlogSite.Testing;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests;

/// The real host on a Kestrel port of its own, set up from the bundled recipe, and one headless Debian Chromium
/// (never a downloaded browser) for the whole test class.
public class BrowserSiteFixture : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private BlogSiteFactory? factory;

    /// The site's clock; null for the real one.
    protected virtual TimeProvider? Clock => null;

    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The site is not started.");

    public string MediaFolder => database.MediaFolder;
    private IPlaywright? playwright;

    public const string AdminPassword = "Browser-tests-42!";

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// Screenshots go here; CI keeps them as the run's artifacts.
    public static string ArtifactsFolder { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("BLOGSITE_ARTIFACTS") is { Length: > 0 } folder
            ? Path.Combine(folder, "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        factory = new BlogSiteFactory(new Dictionary<string, string?>(database.Settings)
        {
            ["BlogSite:Setup:AdminPassword"] = AdminPassword,
            ["BlogSite:Admin:SignInAttemptsPerMinute"] = "1000",
        }) { Clock = Clock };
        BaseAddress = factory.StartOnLoopback();
        await SeedAsync(factory.Services);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BLOGSITE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// A new page of <paramref name="context"/>, signed in as <paramref name="userName"/> and on the dashboard.
    public static async Task<IPage> SignInAsync(IBrowserContext context, string userName = "admin")
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");
        return page;
    }

    /// Adds what a derived fixture's tests need once the site is set up.
    protected virtual Task SeedAsync(IServiceProvider services) => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await database.DisposeAsync();
    }
}
