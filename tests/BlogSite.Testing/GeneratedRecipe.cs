using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BlogSite.Testing;

/// Writes a setup-shaped recipe of N realistic posts straight to a file, never holding it in memory, so a benchmark
/// measures the import and not the generator. Each post carries about 3.6 KB of Markdown (headings, paragraphs, a list,
/// a quote, links), one leaf category of a two-level tree and three of 200 tags; posts are 40 minutes apart, so
/// 100,000 of them span about seven and a half years. The same seed gives the same recipe; another `edition` changes
/// every body and title but keeps every id and path, as a changed export of the same site would.
public static class GeneratedRecipe
{
    public const string BlogId = "bench0blog0000000000000000";
    // The blog module's own taxonomies, which its BlogPost fields point at, as on a site set up from the blog recipe.
    private const string CategoriesId = BlogSite.Blog.BlogTaxonomies.CategoriesContentItemId;
    private const string TagsId = BlogSite.Blog.BlogTaxonomies.TagsContentItemId;
    private const int TagCount = 200;
    private static readonly DateTime Newest = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    private static readonly (string Name, string[] Children)[] Categories =
    [
        ("Sanctions", ["Financial sanctions", "Shipping and trade", "Arms embargo", "Cyber theft"]),
        ("Human rights", ["Forced labor", "Persecution and abuse", "Dissent and defection", "Refugees"]),
        ("Diplomacy and politics", ["U.S. policy", "Inter-Korean relations", "Regime politics", "China"]),
        ("Security", ["Nuclear program", "Missiles", "Military", "Terrorism"]),
        ("Economy", ["Markets", "Agriculture", "Labor abroad", "Smuggling"]),
    ];

    private static readonly string[] TagWords =
    [
        "shipping", "banking", "coal", "oil", "Treasury", "U.N.", "China", "Russia", "Japan", "Seoul", "Pyongyang",
        "Kaesong", "SWIFT", "Africa", "Angola", "Namibia", "Kuwait", "Poland", "Dandong", "cyber", "missiles", "nuclear",
        "KOMID", "Hezbollah", "laborers", "prisons", "famine", "markets", "defectors", "Congress", "State Department",
        "Security Council", "Resolution 2270", "Kim Jong-un", "Park Geun-hye", "sanctions law", "seafood", "textiles",
        "arms trade", "money laundering",
    ];

    private static readonly string[] Sentences =
    [
        "Since this year's nuclear test and the rounds of U.S. and U.N. sanctions that followed, I've tracked the implementation and enforcement of shipping sanctions closely on this site.",
        "The regime's organization charts and wiring diagrams may be rearranged, but the personality cult will almost certainly be reinforced.",
        "A report last month by the U.N. Panel of Experts found that several member states had joint projects with designated North Korean entities.",
        "These burglaries did not involve guns or ski masks; they were something more like armored car burglaries, carried out from a keyboard.",
        "That repression follows North Koreans when they're sent abroad to earn money for the regime, usually through the implied threat to punish their families.",
        "Seoul's direct approach to two countries with close military ties to Pyongyang highlights its push to stem North Korea's arms trade.",
        "With a little searching, it's possible to identify the names, position titles and e-mail addresses of the companies involved.",
        "Until then, the U.S. and the U.N. had mostly pretended to have tough sanctions, while enforcement was left to a handful of overworked officials.",
        "The evidence of North Korea's sponsorship of terrorism includes shipments of arms to Hezbollah and Hamas and assassinations abroad.",
        "Restrictions on what North Korea's donju and purchasing agents can import are forcing them to find other ways to make their loyalty payments.",
        "Ruling parties usually take beatings in mid-term elections, particularly when their own voters don't show up to vote.",
        "Dozens of North Korean ships have been idled since the Security Council banned the reflagging of North Korean vessels.",
        "The finding drew a defiant response from the government concerned, but as a defense to a sanctions violation, it was a blue answer to a red question.",
        "Whether these incidents reflect popular sentiment inside North Korea itself is a harder question to answer.",
        "Markets have been flooded with cheap coal and seafood that the regime can no longer export.",
        "Congress has given the Treasury Department the authority it needs; what is missing is the will to use it.",
    ];

    private static readonly string[] Headings =
    [
        "What the panel found", "Why it matters", "The money trail", "What Washington should do", "The view from Seoul",
        "Enforcement gaps", "A brief chronology", "What comes next",
    ];

    private static readonly string[] Links =
    [
        "https://www.un.org/securitycouncil/sanctions/1718", "https://home.treasury.gov/policy-issues/financial-sanctions",
        "https://www.congress.gov/", "https://www.nknews.org/", "https://www.hrw.org/asia/north-korea",
    ];

    public static IReadOnlyList<string> CategoryPaths =>
        [.. Categories.SelectMany(c => c.Children.Prepend(c.Name)).Select(name => "categories/" + Slug(name))];

    public static string TagPath(int number) => "tags/" + Slug(TagName(number));

    /// Two words that only titles carry (through tags' names), never the shared sentences of the bodies, each in about
    /// one post of twenty: a search for both matches few posts or none, the case a full-text index is for.
    public const string SelectiveQuery = "Namibia Kuwait";

    public static string PostPath(int number) => $"blog/{number:D6}-{Slug(Title(number, 0))}";

    public static void Write(string path, int posts, int edition = 0)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("name", "Benchmark");
        json.WriteString("displayName", "Generated blog");
        json.WriteBoolean("issetuprecipe", true);
        json.WriteStartArray("steps");

        json.WriteStartObject();
        json.WriteString("name", "feature");
        json.WriteStartArray("enable");
        json.WriteStringValue("BlogSite.Blog");
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject();
        json.WriteString("name", "settings");
        json.WriteString("SiteName", "North Korea Policy Watch");
        json.WriteString("Tagline", "Sanctions, human rights and diplomacy on the Korean peninsula");
        json.WriteNumber("PageSize", 10);
        json.WriteString("TimeZoneId", "America/New_York");
        json.WriteEndObject();

        json.WriteStartObject();
        json.WriteString("name", "content");
        json.WriteStartArray("Data");
        WriteCategories(json);
        WriteTags(json);
        WriteBlog(json);

        var body = new StringBuilder(5_000);
        for (var i = 0; i < posts; i++)
        {
            WritePost(json, i, posts, edition, body);
            if (i % 500 == 0)
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

    private static void WritePost(Utf8JsonWriter json, int i, int posts, int edition, StringBuilder body)
    {
        var random = new Random(i * 31 + edition);
        var when = Stamp(Newest.AddMinutes(-40.0 * (posts - 1 - i)));
        var title = Title(i, edition);
        json.WriteStartObject();
        json.WriteString("ContentItemId", $"bench0post{i:D16}");
        json.WriteString("ContentItemVersionId", $"bench0ver{edition:D3}{i:D14}");
        json.WriteString("ContentType", "BlogPost");
        json.WriteString("DisplayText", title);
        json.WriteBoolean("Latest", true);
        json.WriteBoolean("Published", true);
        json.WriteString("CreatedUtc", when);
        json.WriteString("ModifiedUtc", when);
        json.WriteString("PublishedUtc", when);
        json.WriteString("Owner", "admin");
        json.WriteString("Author", "admin");
        json.WriteStartObject("TitlePart");
        json.WriteString("Title", title);
        json.WriteEndObject();
        json.WriteStartObject("AutoroutePart");
        json.WriteString("Path", PostPath(i));
        json.WriteEndObject();
        json.WriteStartObject("MarkdownBodyPart");
        json.WriteString("Markdown", Body(random, body));
        json.WriteEndObject();
        json.WriteStartObject("ContainedPart");
        json.WriteString("ListContentItemId", BlogId);
        json.WriteNumber("Order", i);
        json.WriteEndObject();
        json.WriteStartObject("BlogPost");
        json.WriteStartObject("Subtitle");
        json.WriteString("Text", Sentences[random.Next(Sentences.Length)]);
        json.WriteEndObject();
        var categories = Categories.Length * 4;
        var leaf = random.Next(categories);
        WriteField(json, "Category", CategoriesId, [CategoryId(leaf / 4, 1 + (leaf % 4))]);
        WriteField(json, "Tags", TagsId, [.. Enumerable.Range(0, 3).Select(_ => TermId("tag", random.Next(TagCount)))]);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Body(Random random, StringBuilder body)
    {
        body.Clear();
        while (body.Length < 3_000)
        {
            body.Append("## ").Append(Headings[random.Next(Headings.Length)]).Append("\n\n");
            Paragraph(random, body);
            switch (random.Next(3))
            {
                case 0:
                    for (var n = 0; n < 3; n++)
                    {
                        body.Append("- ").Append(Sentences[random.Next(Sentences.Length)]).Append('\n');
                    }

                    body.Append('\n');
                    break;
                case 1:
                    body.Append("> ").Append(Sentences[random.Next(Sentences.Length)]).Append("\n\n");
                    break;
                default:
                    Paragraph(random, body);
                    break;
            }
        }

        return body.ToString();
    }

    private static void Paragraph(Random random, StringBuilder body)
    {
        for (var n = 0; n < 4; n++)
        {
            var sentence = Sentences[random.Next(Sentences.Length)];
            if (n == 2)
            {
                body.Append("As [the record shows](").Append(Links[random.Next(Links.Length)]).Append("), ");
                sentence = char.ToLowerInvariant(sentence[0]) + sentence[1..];
            }

            body.Append(sentence).Append(' ');
        }

        body.Append("\n\n");
    }

    private static string Title(int i, int edition) =>
        $"{Headings[i % Headings.Length]}: {TagName(i % TagCount)} and {TagName((i * 7 + 3) % TagCount)}{(edition == 0 ? "" : $" (revised {edition})")}";

    private static void WriteCategories(Utf8JsonWriter json)
    {
        WriteTaxonomyStart(json, CategoriesId, "Categories", "categories", "Category");
        for (var p = 0; p < Categories.Length; p++)
        {
            WriteTermStart(json, "Category", CategoryId(p, 0), Categories[p].Name);
            json.WriteStartArray("Terms");
            for (var c = 0; c < Categories[p].Children.Length; c++)
            {
                WriteTermStart(json, "Category", CategoryId(p, c + 1), Categories[p].Children[c]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        WriteTaxonomyEnd(json);
    }

    private static void WriteTags(Utf8JsonWriter json)
    {
        WriteTaxonomyStart(json, TagsId, "Tags", "tags", "Tag");
        for (var t = 0; t < TagCount; t++)
        {
            WriteTermStart(json, "Tag", TermId("tag", t), TagName(t));
            json.WriteEndObject();
        }

        WriteTaxonomyEnd(json);
    }

    private static void WriteBlog(Utf8JsonWriter json)
    {
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
        json.WriteBoolean("SetHomepage", true);
        json.WriteEndObject();
        json.WriteStartObject("ListPart");
        json.WriteEndObject();
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

    private static void WriteTaxonomyStart(Utf8JsonWriter json, string id, string title, string path, string termType)
    {
        json.WriteStartObject();
        json.WriteString("ContentItemId", id);
        json.WriteString("ContentType", "Taxonomy");
        json.WriteString("DisplayText", title);
        json.WriteBoolean("Published", true);
        json.WriteStartObject("TitlePart");
        json.WriteString("Title", title);
        json.WriteEndObject();
        json.WriteStartObject("AutoroutePart");
        json.WriteString("Path", path);
        json.WriteBoolean("RouteContainedItems", true);
        json.WriteEndObject();
        json.WriteStartObject("TaxonomyPart");
        json.WriteString("TermContentType", termType);
        json.WriteStartArray("Terms");
    }

    private static void WriteTaxonomyEnd(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteTermStart(Utf8JsonWriter json, string termType, string id, string name)
    {
        json.WriteStartObject();
        json.WriteString("ContentItemId", id);
        json.WriteString("ContentType", termType);
        json.WriteString("DisplayText", name);
        json.WriteStartObject("TitlePart");
        json.WriteString("Title", name);
        json.WriteEndObject();
        json.WriteStartObject("AutoroutePart");
        json.WriteString("Path", Slug(name));
        json.WriteEndObject();
    }

    private static string TagName(int number) =>
        number < TagWords.Length ? TagWords[number] : $"{TagWords[number % TagWords.Length]} {1 + number / TagWords.Length}";

    private static string CategoryId(int parent, int child) => TermId("cat", parent * 10 + child);

    private static string TermId(string kind, int number) =>
        "bench0" + kind + number.ToString(CultureInfo.InvariantCulture).PadLeft(20 - kind.Length, '0');

    private static string Stamp(DateTime when) => when.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }
}
