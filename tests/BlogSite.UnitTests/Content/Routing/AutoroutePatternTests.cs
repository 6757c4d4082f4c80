using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;

namespace BlogSite.UnitTests.Content.Routing;

/// Orchard Core's Autoroute patterns, as its recipes write them, give the paths Orchard Core would.
public sealed class AutoroutePatternTests
{
    private static readonly ContentItem Blog = new() { ContentItemId = "blog", ContentType = "Blog", DisplayText = "Field Notes" };

    private static ContentItem Post(string title) => new ContentItem { ContentItemId = "post", ContentType = "BlogPost", DisplayText = title }
        .Apply(new ContainedPart("blog"));

    private static Task<string> RenderAsync(string pattern, ContentItem item)
    {
        Assert.True(AutoroutePattern.TryParse(pattern, out var parsed, out var error), error);
        return parsed!.RenderAsync(item, id => Task.FromResult(id == Blog.ContentItemId ? Blog : null));
    }

    [Theory]
    [InlineData("blog/{{ Model.ContentItem | display_text | slugify }}", "blog/seouls-new-envoy")]
    [InlineData("{{ ContentItem | display_text | slugify }}", "seouls-new-envoy")]
    [InlineData("{{ Model.ContentItem | container | display_text | slugify }}/{{ Model.ContentItem | display_text | slugify }}", "field-notes/seouls-new-envoy")]
    [InlineData("/news/{{ Model.ContentItem.DisplayText | slugify }}/", "news/seouls-new-envoy")]
    public async Task APatternGivesThePathOrchardCoreWould(string pattern, string path) =>
        Assert.Equal(path, await RenderAsync(pattern, Post("Seoul’s new envoy")));

    [Fact]
    public async Task AnItemWithoutAContainerLeavesThatSegmentOut() =>
        Assert.Equal("lonely-page", await RenderAsync(
            "{{ Model.ContentItem | container | display_text | slugify }}/{{ Model.ContentItem | display_text | slugify }}",
            new ContentItem { ContentItemId = "page", ContentType = "Page", DisplayText = "Lonely page" }));

    [Fact]
    public void APatternThatIsNotLiquidIsRefusedWithAReason()
    {
        Assert.False(AutoroutePattern.TryParse("blog/{{ Model.ContentItem | ", out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
