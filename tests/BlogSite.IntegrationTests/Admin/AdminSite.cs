using System.Net;
using System.Text.RegularExpressions;
using BlogSite.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Admin;

/// A site set up from the bundled recipe with a known administrator password and one user per other role. Its
/// sign-in rate limit is raised so tests that sign in often are not turned away (SignInRateLimitTests checks it).
public partial class AdminSite : IAsyncLifetime
{
    public const string Password = TestSite.Password;

    private TestSite? site;

    public BlogSiteFactory Factory => Site.Factory;

    protected virtual int SignInAttemptsPerMinute => new TestSiteOptions().SignInAttemptsPerMinute;

    /// Settings a derived site adds or overrides.
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    /// The site's clock; null for the real one.
    protected virtual TimeProvider? Clock => null;

    /// Where the site's data lives; the PostgreSQL sites of the admin tests override this.
    protected virtual TestEngine Engine => TestEngine.Sqlite;

    /// Modules a test class adds to its site.
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Modules => null;

    public string MediaFolder => Site.Database.MediaFolder;

    public string MailDropFolder => Site.Database.MailDropFolder;

    public static IReadOnlyList<string> Roles => TestSite.Roles;

    private TestSite Site => site ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync() => site = await TestSite.StartAsync(new TestSiteOptions
    {
        Engine = Engine,
        Clock = Clock,
        Settings = ExtraSettings,
        SignInAttemptsPerMinute = SignInAttemptsPerMinute,
        UsersByRole = true,
        Modules = Modules,
    });

    public async Task DisposeAsync()
    {
        if (site is not null)
        {
            await site.DisposeAsync();
        }
    }

    public HttpClient NewClient() => Site.NewClient();

    public static string UserNameOf(string role) => TestSite.UserNameOf(role);

    /// The antiforgery token of the first form on the page.
    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return TokenPattern().Match(html).Groups["token"].Value;
    }

    /// Posts a form to a page's handler with the page's antiforgery token (unless the fields carry one); a field may
    /// repeat through <paramref name="more"/>.
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string page, string handler, Dictionary<string, string> fields, params (string Key, string Value)[] more)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var values = fields.Concat(more.Select(m => KeyValuePair.Create(m.Key, m.Value))).ToList();
        if (!fields.ContainsKey("__RequestVerificationToken"))
        {
            values.Add(KeyValuePair.Create("__RequestVerificationToken", await TokenAsync(client, page)));
        }

        var separator = page.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return await client.PostAsync($"{page}{separator}handler={handler}", new FormUrlEncodedContent(values));
    }

    /// The form of the editor every type gets (the page's main form), as the page gives it: every input's name and
    /// value, with the antiforgery token (checkboxes left out).
    public static async Task<Dictionary<string, string>> EditorFormAsync(HttpClient client, string url)
    {
        var page = await HtmlPage.GetAsync(client, url);
        var form = page.Document.QuerySelector("main form.stack") ?? throw new InvalidOperationException($"{url} has no editor form.");
        return form.QuerySelectorAll("input[name], textarea[name]")
            .Where(e => e.GetAttribute("type") != "checkbox")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.TagName == "TEXTAREA" ? e.TextContent : e.GetAttribute("value") ?? "");
    }

    /// The client's request for <paramref name="page"/> is answered (200) when <paramref name="allowed"/>, and sent to
    /// the "Not allowed" page otherwise.
    public static async Task AssertReachesAsync(HttpClient client, string page, bool allowed)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(page);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/denied", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/denied")).StatusCode);
        }
    }

    /// What <paramref name="role"/> holds as the site sees it (its kept copy is dropped by every change to a role).
    public async Task<IReadOnlySet<string>> PermissionsOfAsync(string role)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var permissions = scope.ServiceProvider.GetRequiredService<BlogSite.Cms.Admin.Security.RolePermissions>();
        return await permissions.OfAsync(role);
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var token = await TokenAsync(client, "/login");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["returnUrl"] = returnUrl ?? "",
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<HttpClient> SignedInAsync(AdminSite site, string role)
    {
        var client = site.NewClient();
        using var response = await SignInAsync(client, UserNameOf(role), Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenPattern();
}
