using System.Diagnostics;
using System.Net;
using BlogSite.IntegrationTests.Admin;
using BlogSite.Testing;
using Microsoft.Extensions.Time.Testing;

namespace BlogSite.IntegrationTests.Hardening;

/// Sign-in against someone guessing, on a site served by Kestrel on 127.0.0.1, where readers' addresses come from
/// X-Forwarded-For as behind nginx: a stranger's failures never keep the administrator out, and how long an answer
/// takes does not tell whether a user name exists. Timed alone (a collection that runs apart from the others), since
/// other tests sharing the two cores made the medians drift by tens of milliseconds.
[Collection(nameof(SignInTiming))]
public sealed class SignInGuessingTests : IAsyncLifetime
{
    private const string AdminPassword = "Guessing-tests-password-1";

    private readonly SqliteTestDatabase database = new();
    private BlogSiteFactory site = null!;
    private Uri url = null!;

    public Task InitializeAsync()
    {
        site = new BlogSiteFactory(new Dictionary<string, string?>(database.Settings)
        {
            ["BlogSite:Setup:AdminPassword"] = AdminPassword,
            // The per-address limit is tested elsewhere; here each address makes many attempts.
            ["BlogSite:Admin:SignInAttemptsPerMinute"] = "1000",
        })
        {
            // Waits end only when a test moves the clock, however slowly a busy machine answers.
            Clock = new FakeTimeProvider(DateTimeOffset.UtcNow),
        };
        url = site.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        await database.DisposeAsync();
    }

    private HttpClient ClientFrom(string address)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = url };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    [Fact]
    public async Task AStrangersFailuresNeverKeepTheAdministratorOut()
    {
        using var stranger = ClientFrom("203.0.113.66");
        var answers = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            using var guess = await AdminSite.SignInAsync(stranger, "admin", $"guess-{i}");
            answers.Add(await guess.Content.ReadAsStringAsync());
        }

        using var strangerWithThePassword = await AdminSite.SignInAsync(stranger, "admin", AdminPassword);
        using var owner = ClientFrom("198.51.100.7");
        using var ownerSignsIn = await AdminSite.SignInAsync(owner, "admin", AdminPassword);

        Assert.Contains(answers, a => a.Contains("try again in", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, strangerWithThePassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ownerSignsIn.StatusCode);
    }

    [Fact]
    public async Task TheOwnersKnownBrowserSignsInWhileAStrangerAtTheSameAddressIsSlowed()
    {
        const string shared = "203.0.113.80";
        using var owner = ClientFrom(shared);
        using (var first = await AdminSite.SignInAsync(owner, "admin", AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var stranger = ClientFrom(shared);
        var strangerAnswers = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            using var guess = await AdminSite.SignInAsync(stranger, "admin", $"guess-{i}");
            strangerAnswers.Add(await guess.Content.ReadAsStringAsync());
        }

        using var newBrowserOfTheOwner = ClientFrom(shared);
        using var fromANewBrowser = await AdminSite.SignInAsync(newBrowserOfTheOwner, "admin", AdminPassword);
        using var fromTheKnownBrowser = await AdminSite.SignInAsync(owner, "admin", AdminPassword);

        Assert.Contains(strangerAnswers, a => a.Contains("try again in", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, fromANewBrowser.StatusCode);
        Assert.Contains("try again in", await fromANewBrowser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, fromTheKnownBrowser.StatusCode);
    }

    [Fact]
    public async Task AnUnknownUserTakesAsLongToRefuseAsAWrongPassword()
    {
        // Interleaved, each from an address of its own so no attempt is slowed; medians, so a busy moment does not count.
        var unknown = new List<double>();
        var known = new List<double>();
        for (var i = 0; i < 24; i++)
        {
            unknown.Add(await TimeSignInAsync($"192.0.2.{i + 1}", $"nobody-{i}"));
            known.Add(await TimeSignInAsync($"192.0.2.{i + 101}", "admin"));
        }

        var (unknownMedian, knownMedian) = (Median(unknown), Median(known));
        // Before, an unknown name answered in about 3 ms and a wrong password in about 65 ms (the password hash).
        Assert.True(Math.Abs(unknownMedian - knownMedian) < Math.Max(8, knownMedian * 0.25),
            $"an unknown user took {unknownMedian:0.0} ms and a wrong password {knownMedian:0.0} ms (medians of 24)");
    }

    private async Task<double> TimeSignInAsync(string address, string userName)
    {
        using var client = ClientFrom(address);
        var token = await AdminSite.TokenAsync(client, "/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = "not-the-password", ["__RequestVerificationToken"] = token,
        });
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("/login", form);
        clock.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

/// Tests in this collection run while no other test does.
[CollectionDefinition(nameof(SignInTiming), DisableParallelization = true)]
public sealed class SignInTiming;
