using BlogSite.Cms.Content.Display;

namespace BlogSite.UnitTests.Content.Display;

/// Links that content carries to readers (menus, link fields) are followed only where a reader can safely go.
public sealed class SafeLinkTests
{
    [Theory]
    [InlineData("~/", "/")]
    [InlineData("~/about", "/about")]
    [InlineData("/categories/sanctions", "/categories/sanctions")]
    [InlineData("https://www.un.org/securitycouncil/", "https://www.un.org/securitycouncil/")]
    [InlineData("mailto:editors@example.org", "mailto:editors@example.org")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("//evil.example/x", null)]
    [InlineData("/\\evil.example/x", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    public void OnlyLinksWithinTheSiteOrToWebAndMailAddressesAreKept(string url, string? kept) =>
        Assert.Equal(kept, SafeLink.Of(url));
}
