using BlogSite.Cms.Content.Markdown;
using BlogSite.IntegrationTests.Admin;
using BlogSite.Testing;

namespace BlogSite.IntegrationTests.Hardening;

/// Readers' pages, fresh or from the cache, forbid inline script and framing and say how they may be sniffed and
/// referred; the admin keeps its own stricter policy.
public sealed class PublicHeadersTests(AdminSite site) : IClassFixture<AdminSite>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/rss")]
    [InlineData("/search?q=sanctions")]
    [InlineData("/no-such-page")]
    public async Task EveryReaderPageCarriesTheSecurityHeaders(string path)
    {
        using var reader = site.NewClient();

        foreach (var _ in new[] { "fresh", "again" })
        {
            using var response = await reader.GetAsync(path);
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

            Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Equal("DENY", string.Join("", response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", string.Join("", response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task APostPageCarriesThemToo()
    {
        using var reader = site.NewClient();

        using var response = await reader.GetAsync(SetupRecipe.PathOf(SetupRecipe.Instance.Posts[0]));

        Assert.Contains("object-src 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdminKeepsItsOwnPolicyAndReferrerRuleNotTheReadersOnes()
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        using var response = await editor.GetAsync("/admin/content");

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/posts/new")]
    public async Task ThePublicPagesAndTheEditorsPreviewMayOpenTheVideoPlayersAndNothingElse(string path)
    {
        using var editor = await AdminSite.SignedInAsync(site, "Editor");

        using var response = await editor.GetAsync(path);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains($"frame-src {VideoEmbed.PlayerOrigins};", policy, StringComparison.Ordinal);
        foreach (var player in new[] { "https://www.youtube-nocookie.com/embed/x", "https://player.vimeo.com/video/1", "https://www.dailymotion.com/embed/video/x", "https://geo.dailymotion.com/player.html" })
        {
            Assert.Contains(new Uri(player).GetLeftPart(UriPartial.Authority), VideoEmbed.PlayerOrigins.Split(' '));
        }
    }
}
