using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Indexes;
using BlogSite.Cms.Content.Model;

namespace BlogSite.UnitTests.Content;

public sealed class ContentIndexerTests
{
    private static ContentItem Item(string json) => ContentItemJson.Read(JsonNode.Parse(json)!.AsObject());

    [Fact]
    public void APostGetsItsRouteItsContainerAndOneLinkPerTerm()
    {
        var entries = ContentIndexer.Build(Item("""
            { "ContentItemId": "p", "ContentType": "BlogPost", "Published": true,
              "AutoroutePart": { "Path": "/blog/hello/" },
              "ContainedPart": { "ListContentItemId": "blog", "Order": 3 },
              "BlogPost": { "Tags": { "TaxonomyContentItemId": "tags", "TermContentItemIds": [ "t1", "t2", "t1" ] },
                            "Category": { "TaxonomyContentItemId": "cats", "TermContentItemIds": [ "c1" ] } } }
            """));

        Assert.Equal("blog/hello", Assert.Single(entries.Routes).Path);
        Assert.Equal(("blog", 3), (entries.Containment[0].ListContentItemId, entries.Containment[0].Order));
        Assert.Equal(
            [("Tags", "t1"), ("Tags", "t2"), ("Category", "c1")],
            entries.TaxonomyLinks.Select(l => (l.ContentField, l.TermContentItemId)));
        Assert.All(entries.TaxonomyLinks, l => Assert.True(l.Published));
    }

    [Fact]
    public void NestedTermsAreFlattenedWithParentsLevelsAndRoutes()
    {
        var entries = ContentIndexer.Build(Item("""
            { "ContentItemId": "cats", "ContentType": "Taxonomy", "Published": true,
              "AutoroutePart": { "Path": "categories", "RouteContainedItems": true },
              "TaxonomyPart": { "Terms": [
                { "ContentItemId": "parent", "ContentType": "Category", "DisplayText": "Sanctions", "AutoroutePart": { "Path": "sanctions" },
                  "Terms": [ { "ContentItemId": "child", "ContentType": "Category", "TitlePart": { "Title": "Shipping" }, "AutoroutePart": { "Path": "shipping" } } ] } ] } }
            """));

        Assert.Equal(
            [("parent", null, 0, "Sanctions"), ("child", "parent", 1, "Shipping")],
            entries.Terms.Select(t => (t.TermContentItemId, t.ParentTermContentItemId, t.Level, t.DisplayText)));
        Assert.Equal(
            [("categories", null), ("categories/sanctions", "parent"), ("categories/shipping", "child")],
            entries.Routes.Select(r => (r.Path, r.ContainedContentItemId)));
    }

    [Fact]
    public void TermsOfATaxonomyThatDoesNotRouteThemGetNoRoutes()
    {
        var entries = ContentIndexer.Build(Item("""
            { "ContentItemId": "tags", "ContentType": "Taxonomy", "AutoroutePart": { "Path": "tags" },
              "TaxonomyPart": { "Terms": [ { "ContentItemId": "t", "AutoroutePart": { "Path": "t" } } ] } }
            """));

        Assert.Equal(["tags"], entries.Routes.Select(r => r.Path));
        Assert.Null(Assert.Single(entries.Terms).Path);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData(" / ", null)]
    [InlineData("/a/b/", "a/b")]
    public void PathsAreNormalized(string path, string? expected) =>
        Assert.Equal(expected, ContentIndexer.NormalizePath(path));
}
