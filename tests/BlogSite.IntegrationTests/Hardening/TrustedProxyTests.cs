using System.Net;
using BlogSite.Testing;
using BlogSite.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BlogSite.IntegrationTests.Hardening;

/// Behind a TLS proxy on the same machine every cookie the site sets is Secure (the antiforgery cookie as well as
/// the sign-in one); X-Forwarded-Proto and X-Forwarded-For count only from loopback and the configured proxies.
public sealed class TrustedProxyTests : IAsyncLifetime
{
    private TestSite? site;

    public async Task InitializeAsync() => site = await TestSite.StartAsync(new TestSiteOptions { OnLoopback = true });

    public async Task DisposeAsync()
    {
        if (site is not null)
        {
            await site.DisposeAsync();
        }
    }

    [Fact]
    public async Task EveryCookieIsSecureWhenTheLocalProxySaysTheReaderCameOverTls()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = site!.BaseAddress };
        using var overTls = new HttpRequestMessage(HttpMethod.Get, "/login");
        overTls.Headers.Add("X-Forwarded-Proto", "https");

        using var secure = await client.SendAsync(overTls);
        using var plain = await client.GetAsync("/login");

        var secureCookies = secure.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(secureCookies);
        Assert.All(secureCookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.All(plain.Headers.GetValues("Set-Cookie"), cookie => Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("10.1.2.3", "https", "203.0.113.9")]
    [InlineData("192.168.7.1", "https", "203.0.113.9")]
    [InlineData("127.0.0.1", "https", "203.0.113.9")]
    [InlineData("198.51.100.20", "http", "198.51.100.20")]
    public async Task ForwardedHeadersCountOnlyFromConfiguredProxies(string from, string scheme, string reader)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{TrustedProxies.Section}:KnownNetworks:0"] = "10.0.0.0/8",
            [$"{TrustedProxies.Section}:KnownProxies"] = "192.168.7.1, 192.168.7.2",
        }).Build();
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, Options.Create(TrustedProxies.OptionsFrom(configuration)));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(from);
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.9";

        await middleware.Invoke(context);

        Assert.Equal(scheme, context.Request.Scheme);
        Assert.Equal(reader, context.Connection.RemoteIpAddress?.ToString());
    }

    [Fact]
    public void AProxyThatIsNotAnAddressIsNamedInTheError()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{TrustedProxies.Section}:KnownProxies"] = "nginx.internal",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => TrustedProxies.OptionsFrom(configuration));

        Assert.Contains("BlogSite:ForwardedHeaders:KnownProxies is 'nginx.internal'", error.Message, StringComparison.Ordinal);
    }
}
