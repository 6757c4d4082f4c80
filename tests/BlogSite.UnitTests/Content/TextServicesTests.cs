using BlogSite.Cms.Content.Markdown;
using BlogSite.Cms.Content.Routing;

namespace BlogSite.UnitTests.Content;

public sealed class TextServicesTests
{
    private readonly MarkdownRenderer markdown = new();

    [Theory]
    [InlineData("Seoul’s diplomacy targets North Korea’s arms trade in Africa", "seouls-diplomacy-targets-north-koreas-arms-trade-in-africa")]
    [InlineData("Dozens of North Korean ships stranded by U.N. sanctions", "dozens-of-north-korean-ships-stranded-by-u-n-sanctions")]
    [InlineData("  Élan — vital!  ", "elan-vital")]
    [InlineData("", "")]
    public void SlugsAreLowerCaseAsciiWithSingleHyphens(string title, string slug) =>
        Assert.Equal(slug, SlugGenerator.Slugify(title));

    [Fact]
    public void MarkdownIsRenderedToHtml() =>
        Assert.Equal("<p>A <em>bold</em> <strong>claim</strong></p>", markdown.ToHtml("A *bold* **claim**").Trim());

    [Theory]
    [InlineData("<script>alert(1)</script>Hi", "<script")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    public void DangerousHtmlInMarkdownIsRemoved(string input, string forbidden) =>
        Assert.DoesNotContain(forbidden, markdown.ToHtml(input), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void TheFirstParagraphIsPlainText() =>
        Assert.Equal("First with a link.", markdown.FirstParagraph("# Title\n\nFirst with [a link](http://x).\n\nSecond."));
}
