using System.Text;
using System.Text.Json;

namespace BlogSite.Benchmarks;

/// Writes a setup-shaped recipe of N posts with a category tree and tags straight to a file, never holding it in
/// memory, so the benchmark measures the import and not the generator.
public static class GeneratedRecipe
{
    private const string CategoriesId = "bench0categories0000000000";
    private const string TagsId = "bench0tags0000000000000000";
    private const string BlogId = "bench0blog0000000000000000";

    public static void Write(string path, int posts)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("name", "Benchmark");
        json.WriteBoolean("issetuprecipe", true);
        json.WriteStartArray("steps");

        json.WriteStartObject();
        json.WriteString("name", "feature");
        json.WriteStartArray("enable");
        json.WriteStringValue("BlogSite.Blog");
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject();
        json.WriteString("name", "content");
        json.WriteStartArray("Data");
        WriteTaxonomy(json, CategoriesId, "Categories", "categories", "Category", parents: 5, childrenEach: 4);
        WriteTaxonomy(json, TagsId, "Tags", "tags", "Tag", parents: 200, childrenEach: 0);
        json.WriteStartObject();
        json.WriteString("ContentItemId", BlogId);
        json.WriteString("ContentType", "Blog");
        json.WriteString("DisplayText", "Blog");
        json.WriteBoolean("Published", true);
        json.WriteStartObject("TitlePart");
        json.WriteString("Title", "Blog");
        json.WriteEndObject();
        json.WriteStartObject("AutoroutePart");
        json.WriteString("Path", "blog");
        json.WriteEndObject();
        json.WriteStartObject("ListPart");
        json.WriteEndObject();
        json.WriteEndObject();

        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var body = new StringBuilder();
        for (var i = 0; i < posts; i++)
        {
            body.Clear();
            body.Append("Post ").Append(i).Append(" looks at sanctions, shipping and diplomacy. ");
            body.Append("Paragraph text that a real post would carry, long enough to matter for the full-text index. ");
            body.Append("\n\nA second paragraph with **Markdown** and a [link](https://example.org/").Append(i).Append(").");
            var when = start.AddMinutes(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            json.WriteStartObject();
            json.WriteString("ContentItemId", $"bench0post{i:D16}");
            json.WriteString("ContentType", "BlogPost");
            json.WriteString("DisplayText", $"Benchmark post {i}");
            json.WriteBoolean("Latest", true);
            json.WriteBoolean("Published", true);
            json.WriteString("CreatedUtc", when);
            json.WriteString("ModifiedUtc", when);
            json.WriteString("PublishedUtc", when);
            json.WriteStartObject("TitlePart");
            json.WriteString("Title", $"Benchmark post {i}");
            json.WriteEndObject();
            json.WriteStartObject("AutoroutePart");
            json.WriteString("Path", $"blog/benchmark-post-{i}");
            json.WriteEndObject();
            json.WriteStartObject("MarkdownBodyPart");
            json.WriteString("Markdown", body.ToString());
            json.WriteEndObject();
            json.WriteStartObject("ContainedPart");
            json.WriteString("ListContentItemId", BlogId);
            json.WriteNumber("Order", i);
            json.WriteEndObject();
            json.WriteStartObject("BlogPost");
            WriteField(json, "Category", CategoriesId, [TermId("Category", ((i % 5) * 5) + 1 + (i % 4))]);
            WriteField(json, "Tags", TagsId, [TermId("Tag", i % 200), TermId("Tag", (i * 7) % 200), TermId("Tag", (i * 13) % 200)]);
            json.WriteEndObject();
            json.WriteEndObject();
            if (i % 1_000 == 0)
            {
                // Utf8JsonWriter keeps everything until flushed; flushing keeps the generator's memory flat.
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter json, string name, string taxonomyId, string[] termIds)
    {
        json.WriteStartObject(name);
        json.WriteString("TaxonomyContentItemId", taxonomyId);
        json.WriteStartArray("TermContentItemIds");
        foreach (var id in termIds.Distinct())
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTaxonomy(Utf8JsonWriter json, string id, string title, string path, string termType, int parents, int childrenEach)
    {
        json.WriteStartObject();
        json.WriteString("ContentItemId", id);
        json.WriteString("ContentType", "Taxonomy");
        json.WriteString("DisplayText", title);
        json.WriteBoolean("Published", true);
        json.WriteStartObject("AutoroutePart");
        json.WriteString("Path", path);
        json.WriteBoolean("RouteContainedItems", true);
        json.WriteEndObject();
        json.WriteStartObject("TaxonomyPart");
        json.WriteString("TermContentType", termType);
        json.WriteStartArray("Terms");
        var number = 0;
        for (var p = 0; p < parents; p++)
        {
            WriteTermStart(json, termType, number++);
            if (childrenEach > 0)
            {
                json.WriteStartArray("Terms");
                for (var c = 0; c < childrenEach; c++)
                {
                    WriteTermStart(json, termType, number++);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteTermStart(Utf8JsonWriter json, string termType, int number)
    {
        json.WriteStartObject();
        json.WriteString("ContentItemId", TermId(termType, number));
        json.WriteString("ContentType", termType);
        json.WriteString("DisplayText", $"{termType} {number}");
        json.WriteStartObject("AutoroutePart");
        json.WriteString("Path", $"{termType.ToLowerInvariant()}-{number}");
        json.WriteEndObject();
    }

    private static string TermId(string termType, int number) => $"bench0{termType.ToLowerInvariant()}{number:D10}".PadRight(26, '0')[..26];
}
