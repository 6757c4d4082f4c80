using System.Collections.Concurrent;
using BlogSite.Testing;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests.PublicSite;

/// A video address alone on its line is a placeholder until the reader presses play: the page asks nothing of the
/// video's provider before that, and then loads the provider's privacy-friendly player.
public sealed class VideoEmbedBrowserTests(BrowserSiteFixture site) : IClassFixture<BrowserSiteFixture>
{
    [Fact]
    public async Task AnEmbeddedVideoLoadsNothingFromItsProviderUntilTheReaderPressesPlay()
    {
        var post = await TestPost.PublishAsync(
            site.Services, "The parade, on video", "The full parade:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nNote the new missiles.");
        await using var readers = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        var elsewhere = new ConcurrentQueue<string>();
        // Nothing leaves the machine: requests to other hosts are noted and refused.
        await readers.RouteAsync(
            url => new Uri(url).Host != site.BaseAddress.Host,
            async route =>
            {
                elsewhere.Enqueue(route.Request.Url);
                await route.AbortAsync();
            });
        var page = await readers.NewPageAsync();

        await page.GotoAsync(post.Url);
        var play = page.GetByRole(AriaRole.Link, new() { Name = "Play the video on YouTube" });
        await Assertions.Expect(play).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(elsewhere);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSiteFixture.ArtifactsFolder, "post-video-placeholder-1280.png") });

        await play.ClickAsync();

        var player = page.Locator("figure.embed iframe");
        await Assertions.Expect(player).ToHaveAttributeAsync("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
        await Assertions.Expect(player).ToHaveAttributeAsync("title", "YouTube video");
        await Eventually.TrueAsync(() => Task.FromResult(!elsewhere.IsEmpty), "the player is requested once the reader presses play");
        Assert.All(elsewhere, url => Assert.StartsWith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", url, StringComparison.Ordinal));
    }
}
