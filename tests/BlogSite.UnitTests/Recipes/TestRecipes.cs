namespace BlogSite.UnitTests.Recipes;

/// Small recipes written for the tests, in Orchard Core's format.
public static class TestRecipes
{
    public const string EnableBlog = """{ "name": "feature", "enable": [ "BlogSite.Blog" ] }""";

    public static string With(params string[] steps) => $$"""{ "name": "Test", "steps": [ {{string.Join(",\n", steps)}} ] }""";

    public static string Post(string id, string path, string title = "A post", bool published = true, string extra = "") => $$"""
        {
          "ContentItemId": "{{id}}", "ContentType": "BlogPost", "DisplayText": "{{title}}",
          "Latest": true, "Published": {{(published ? "true" : "false")}},
          "PublishedUtc": "2016-04-01T10:00:00Z", "CreatedUtc": "2016-04-01T10:00:00Z", "ModifiedUtc": "2016-04-01T10:00:00Z",
          "TitlePart": { "Title": "{{title}}" }, "AutoroutePart": { "Path": "{{path}}" },
          "MarkdownBodyPart": { "Markdown": "Body of {{title}}." }{{extra}}
        }
        """;

    public static string ContentStep(params string[] items) => $$"""{ "name": "content", "Data": [ {{string.Join(",\n", items)}} ] }""";
}
