using AngleSharp.Html.Parser;
using BlogSite.Cms.Content.Markdown;

namespace BlogSite.UnitTests.Content.Markdown;

public sealed class VideoEmbedTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", "vimeo", "76979871")]
    [InlineData("https://www.dailymotion.com/video/x8abc12", "dailymotion", "x8abc12")]
    public void AVideoAddressAloneOnItsLineBecomesAPlaceholderThatLoadsNothing(string url, string provider, string id)
    {
        var html = Renderer.ToHtml($"Before.\n\n{url}\n\nAfter.");
        var figure = new HtmlParser().ParseDocument(html).QuerySelector("figure.embed")!;

        Assert.Equal(provider, figure.GetAttribute("data-embed-provider"));
        Assert.Equal(id, figure.GetAttribute("data-embed-id"));
        Assert.Equal(url, figure.QuerySelector("a.embed-play")?.GetAttribute("href"));
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Watch https://www.youtube.com/watch?v=dQw4w9WgXcQ today.")]
    [InlineData("[the speech](https://www.youtube.com/watch?v=dQw4w9WgXcQ)")]
    [InlineData("https://evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?v=short")]
    public void AnythingElseStaysALink(string markdown)
    {
        var html = Renderer.ToHtml(markdown);

        Assert.DoesNotContain("embed", html, StringComparison.Ordinal);
        Assert.Contains("<a ", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"></iframe>")]
    [InlineData("<figure class=\"embed\" data-embed-provider=\"youtube\" data-embed-id=\"x\" onclick=\"alert(1)\"><a class=\"embed-play\" href=\"javascript:alert(1)\">Play</a></figure>")]
    [InlineData("<script src=\"https://www.youtube.com/iframe_api\"></script>")]
    public void TheSanitizerStillRefusesFramesScriptsAndHandlers(string markdown)
    {
        var html = Renderer.ToHtml(markdown);

        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void PlainTextForSummariesAndSearchKeepsTheVideoAddressAsWritten()
    {
        const string Url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

        Assert.Equal(Url, Renderer.ToPlainText(Url));
        Assert.Equal(Url, Renderer.FirstParagraph($"{Url}\n\nThe parade."));
    }
}
