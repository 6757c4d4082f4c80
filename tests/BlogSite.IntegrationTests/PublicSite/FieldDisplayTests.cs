using BlogSite.Testing;

namespace BlogSite.IntegrationTests.PublicSite;

/// A field added to a type shows on its items' pages with the default display of its kind, with no code. The site
/// of this class is its own, as its recipe changes the BlogPost type.
public sealed class FieldDisplayTests(SqliteSiteFixture site) : IClassFixture<SqliteSiteFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await RecipeRunner.RunAsync(site.Factory.Services, """
            { "steps": [
              { "name": "ContentDefinition", "ContentTypes": [], "ContentParts": [ { "Name": "BlogPost", "Settings": {},
                "ContentPartFieldDefinitionRecords": [
                  { "FieldName": "LinkField", "Name": "SourceUrl", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Source URL", "Position": "4" } } },
                  { "FieldName": "BooleanField", "Name": "FactChecked", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Fact-checked", "Position": "5" } } },
                  { "FieldName": "LinkField", "Name": "Sneaky", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Sneaky link", "Position": "6" } } } ] } ] },
              { "name": "content", "Data": [ {
                "ContentItemId": "4fieldpost0000000000000000", "ContentType": "BlogPost", "DisplayText": "A post with a source", "Latest": true, "Published": true,
                "PublishedUtc": "2016-06-01T09:00:00Z",
                "TitlePart": { "Title": "A post with a source" }, "AutoroutePart": { "Path": "blog/a-post-with-a-source" },
                "MarkdownBodyPart": { "Markdown": "Read the report." },
                "BlogPost": { "Subtitle": { "Text": "Cited" },
                  "SourceUrl": { "Url": "https://www.un.org/securitycouncil/sanctions/1718", "Text": "1718 Committee" },
                  "FactChecked": { "Value": true },
                  "Sneaky": { "Url": "javascript:alert(1)", "Text": "Click me" } } } ] } ] }
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnAddedLinkFieldShowsOnThePostPageWithItsLabel()
    {
        var page = await HtmlPage.GetAsync(site.Client, "/blog/a-post-with-a-source");
        var fields = page.Document.QuerySelector("article dl.fields")!;

        Assert.Equal(["Source URL", "Fact-checked"], fields.QuerySelectorAll("dt").Select(d => d.TextContent.Trim()));
        Assert.Equal("https://www.un.org/securitycouncil/sanctions/1718", fields.QuerySelector("dd a")?.GetAttribute("href"));
        Assert.Equal("1718 Committee", fields.QuerySelector("dd a")?.TextContent.Trim());
        Assert.Equal("Yes", fields.QuerySelectorAll("dd")[1].TextContent.Trim());
        Assert.Equal("Cited", page.Document.QuerySelector(".post-subtitle")?.TextContent);
        Assert.DoesNotContain("javascript:", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PostsWithoutTheFieldShowNoFieldList()
    {
        var page = await HtmlPage.GetAsync(site.Client, SetupRecipe.PathOf(SetupRecipe.Instance.Posts[0]));

        Assert.Null(page.Document.QuerySelector("article dl.fields"));
    }
}
