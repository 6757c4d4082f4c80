using BlogSite.Testing;

namespace BlogSite.IntegrationTests.PublicSite;

/// Pages shaped as Orchard Core's Agency and Blog recipes shape them render what they hold: a landing page that asks
/// to be the home page, with widgets in a flow and items in a bag, and an Article with its own fields. The site of
/// this class is its own, as the recipe changes its home page.
public sealed class OrchardLandingPageTests(SqliteSiteFixture site) : IClassFixture<SqliteSiteFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await RecipeRunner.RunAsync(site.Factory.Services, """
            { "steps": [
              { "name": "ContentDefinition",
                "ContentTypes": [
                  { "Name": "Article", "DisplayName": "Article", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true } },
                    "ContentTypePartDefinitionRecords": [
                      { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "AutoroutePart", "Name": "AutoroutePart" },
                      { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart" }, { "PartName": "Article", "Name": "Article" } ] },
                  { "Name": "LandingPage", "DisplayName": "Landing Page", "Settings": {},
                    "ContentTypePartDefinitionRecords": [
                      { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "AutoroutePart", "Name": "AutoroutePart" },
                      { "PartName": "FlowPart", "Name": "FlowPart" }, { "PartName": "BagPart", "Name": "BagPart" } ] },
                  { "Name": "Hero", "DisplayName": "Hero", "Settings": { "ContentTypeSettings": { "Stereotype": "Widget" } },
                    "ContentTypePartDefinitionRecords": [ { "PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart" }, { "PartName": "Hero", "Name": "Hero" } ] },
                  { "Name": "Person", "DisplayName": "Person", "Settings": {},
                    "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "Person", "Name": "Person" } ] } ],
                "ContentParts": [
                  { "Name": "Article", "ContentPartFieldDefinitionRecords": [
                    { "FieldName": "TextField", "Name": "Subtitle", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Subtitle" } } } ] },
                  { "Name": "Hero", "ContentPartFieldDefinitionRecords": [
                    { "FieldName": "TextField", "Name": "Heading", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Heading" } } } ] },
                  { "Name": "Person", "ContentPartFieldDefinitionRecords": [
                    { "FieldName": "TextField", "Name": "Role", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Role" } } } ] } ] },
              { "name": "content", "Data": [
                { "ContentItemId": "4articleone000000000000000", "ContentType": "Article", "DisplayText": "An article", "Latest": true, "Published": true,
                  "TitlePart": { "Title": "An article" }, "AutoroutePart": { "Path": "articles/an-article" },
                  "HtmlBodyPart": { "Html": "<p>Plain <em>words</em>.</p><script>alert('not here')</script>" },
                  "Article": { "Subtitle": { "Text": "With a subtitle of its own" } } },
                { "ContentItemId": "4landing000000000000000000", "ContentType": "LandingPage", "DisplayText": "Welcome", "Latest": true, "Published": true,
                  "TitlePart": { "Title": "Welcome" }, "AutoroutePart": { "Path": "welcome", "SetHomepage": true },
                  "FlowPart": { "Widgets": [
                    { "ContentItemId": "4herowidget000000000000000", "ContentType": "Hero",
                      "MarkdownBodyPart": { "Markdown": "We watch **policy**." }, "Hero": { "Heading": { "Text": "Big words" } } } ] },
                  "BagPart": { "ContentItems": [
                    { "ContentItemId": "4personone0000000000000000", "ContentType": "Person", "TitlePart": { "Title": "Min-ji" }, "Person": { "Role": { "Text": "Editor" } } },
                    { "ContentItemId": "4persontwo0000000000000000", "ContentType": "Person", "TitlePart": { "Title": "Tomas" }, "Person": { "Role": { "Text": "Researcher" } } } ] } } ] } ] }
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheLandingPageIsTheHomePageAndShowsItsWidgetsAndBag()
    {
        var home = await HtmlPage.GetAsync(site.Client, "/");
        var main = home.Document.QuerySelector("main")!;

        Assert.Equal("Welcome", main.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("<strong>policy</strong>", main.QuerySelector("section.nested-hero")?.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("Big words", main.QuerySelector("section.nested-hero dd")?.TextContent.Trim());
        Assert.Equal(["Min-ji", "Tomas"], main.QuerySelectorAll("section.nested-person h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Editor", "Researcher"], main.QuerySelectorAll("section.nested-person dd").Select(d => d.TextContent.Trim()));
    }

    [Fact]
    public async Task AnArticleShowsItsSanitizedBodyAndItsFields()
    {
        var article = await HtmlPage.GetAsync(site.Client, "/articles/an-article");

        Assert.Equal("An article", article.Document.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Contains("<em>words</em>", article.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert('not here')", article.Html, StringComparison.Ordinal);
        Assert.Equal("With a subtitle of its own", article.Document.QuerySelector("main dl.fields dd")?.TextContent.Trim());
    }
}
