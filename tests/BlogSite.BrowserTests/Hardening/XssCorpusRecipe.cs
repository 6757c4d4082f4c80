using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlogSite.BrowserTests.Hardening;

/// One run's recipe, in the bundled recipe's (Orchard Core's) format, that writes payloads into every input a recipe
/// can set and the site shows: the site's name, tagline and description; field labels and hints, and a content
/// type's name; one post per payload (title, author, subtitle, body, featured image's alt text and caption, excerpt,
/// SEO title, meta description, canonical address, a tag and a category of its own, and a text, link, HTML and
/// Markdown field); pages; the blog's introduction; main-menu entries with script addresses; a menu of its own. Ids,
/// paths and slugs carry a marker new to each run, so nothing collides with the seed content. The taxonomies, the blog
/// and the main menu are the seed's own items with the run's terms, introduction and entries added, because an
/// imported item replaces the stored one whole.
public sealed class XssCorpusRecipe
{
    /// Posts are dated in a month of their own, so that month's archive lists them and nothing else.
    public const int ArchiveYear = 2016;

    public const int ArchiveMonth = 7;

    /// The type the recipe adds, named by a payload, with fields of its own.
    public const string NoteType = "XssNote";

    /// The fields the recipe adds to the blog post's part, each with a payload as its label and hint.
    private static readonly (string Kind, string Name)[] PostFields =
        [("TextField", "XssText"), ("LinkField", "XssLink"), ("HtmlField", "XssHtml"), ("MarkdownField", "XssMarkdown")];

    /// A 1×1 PNG: the featured image whose alt text and caption carry payloads.
    private const string PixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    /// The site's editors refuse longer term names (TermTree.MaxNameLength).
    private const int MaxTermName = 100;

    private static readonly JsonDocumentOptions SeedOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    private readonly SortedSet<string> fields = new(StringComparer.Ordinal);
    private readonly List<XssCorpusPost> posts = [];
    private readonly List<XssCorpusItem> items = [];
    private readonly JsonObject recipe;

    private XssCorpusRecipe(IReadOnlyList<string> payloads, IReadOnlyList<string> addresses, string seedRecipePath)
    {
        Marker = $"xss{Guid.NewGuid():N}"[..12];
        var seedItems = SeedItems(seedRecipePath);
        var categories = SeedItem(seedItems, i => Text(i["TaxonomyPart"]?["TermContentType"]) == "Category");
        var tags = SeedItem(seedItems, i => Text(i["TaxonomyPart"]?["TermContentType"]) == "Tag");
        var blog = SeedItem(seedItems, i => Text(i["ContentType"]) == "Blog");
        var mainMenu = SeedItem(seedItems, i => Text(i["ContentType"]) == "Menu" && Text(i["AliasPart"]?["Alias"]) == "main-menu");
        CategoriesTaxonomyId = Text(categories["ContentItemId"])!;
        TagsTaxonomyId = Text(tags["ContentItemId"])!;
        MainMenuId = Text(mainMenu["ContentItemId"])!;
        NewMenuId = Id('w', 0);
        var blogId = Text(blog["ContentItemId"])!;
        var categoriesPath = Text(categories["AutoroutePart"]?["Path"]) ?? "categories";
        var tagsPath = Text(tags["AutoroutePart"]?["Path"]) ?? "tags";
        var pixel = $"{Marker}/pixel.png";
        string Pick(int n) => payloads[n % payloads.Count];
        string First(Func<string, bool> test, int fallback) => payloads.FirstOrDefault(test) ?? Pick(fallback);

        var settings = new JsonObject
        {
            ["name"] = "settings",
            // The site stays usable: only its name, tagline and description change.
            ["SiteName"] = Put("settings.SiteName", First(p => p.StartsWith("</title>", StringComparison.Ordinal), 0)),
            ["Tagline"] = Put("settings.Tagline", First(p => p.StartsWith("'>", StringComparison.Ordinal), 1)),
            ["MetaDescription"] = Put("settings.MetaDescription", First(p => p.StartsWith("\">", StringComparison.Ordinal), 2)),
        };

        var postFieldRecords = new JsonArray();
        for (var f = 0; f < PostFields.Length; f++)
        {
            var (kind, name) = PostFields[f];
            postFieldRecords.Add(FieldRecord(kind, name, Pick(3 + (7 * f)), Pick(5 + (11 * f)), 10 + f));
        }

        var definitions = new JsonObject
        {
            ["name"] = "ContentDefinition",
            ["ContentTypes"] = new JsonArray(new JsonObject
            {
                ["Name"] = NoteType,
                ["DisplayName"] = Put("ContentDefinition: content type DisplayName", Pick(13)),
                ["Settings"] = new JsonObject
                {
                    ["ContentTypeSettings"] = new JsonObject { ["Creatable"] = true, ["Listable"] = true, ["Draftable"] = true, ["Versionable"] = true },
                },
                ["ContentTypePartDefinitionRecords"] = new JsonArray(
                    PartRecord("TitlePart", 0),
                    PartRecord("AutoroutePart", 1, new JsonObject { ["AutoroutePartSettings"] = new JsonObject { ["AllowCustomPath"] = true } }),
                    PartRecord("MarkdownBodyPart", 2),
                    PartRecord(NoteType, 3)),
            }),
            ["ContentParts"] = new JsonArray(
                new JsonObject { ["Name"] = "BlogPost", ["Settings"] = new JsonObject(), ["ContentPartFieldDefinitionRecords"] = postFieldRecords },
                new JsonObject
                {
                    ["Name"] = NoteType,
                    ["Settings"] = new JsonObject(),
                    ["ContentPartFieldDefinitionRecords"] = new JsonArray(
                        FieldRecord("TextField", "Note", Pick(17), Pick(19), 0),
                        FieldRecord("LinkField", "Source", Pick(23), Pick(29), 1)),
                }),
        };

        var media = new JsonObject
        {
            ["name"] = "media",
            ["Files"] = new JsonArray(new JsonObject { ["TargetPath"] = pixel, ["Base64"] = PixelPng }),
        };

        // The blog's introduction, shown above the home page's list: raw HTML, sanitized when shown.
        blog["HtmlBodyPart"] = new JsonObject
        {
            ["Html"] = Put("Blog.HtmlBodyPart.Html", Text(blog["HtmlBodyPart"]?["Html"]) + "\n" + string.Join("\n", payloads), payloads.Count),
        };

        var categoryTerms = categories["TaxonomyPart"]!["Terms"]!.AsArray();
        var tagTerms = tags["TaxonomyPart"]!["Terms"]!.AsArray();
        var data = new List<JsonObject>();
        for (var i = 0; i < payloads.Count; i++)
        {
            var payload = payloads[i];
            var address = addresses[i % addresses.Count];
            var number = i.ToString("D2", CultureInfo.InvariantCulture);
            var named = $"{Marker}-{number} {payload}";
            var termName = named.Length <= MaxTermName ? named : named[..MaxTermName];
            var (postId, categoryId, tagId) = (Id('p', i), Id('c', i), Id('t', i));
            var (categorySlug, tagSlug) = ($"{Marker}-c{number}", $"{Marker}-t{number}");
            categoryTerms.Add(Term(categoryId, "Category", Put("Category term: TitlePart.Title", termName), categorySlug, CategoriesTaxonomyId));
            tagTerms.Add(Term(tagId, "Tag", Put("Tag term: TitlePart.Title", termName), tagSlug, TagsTaxonomyId));
            var title = Put("BlogPost: TitlePart.Title and DisplayText", named);
            var path = $"blog/{Marker}-{number}";
            // Every other post has no SEO title or meta description, so the title and excerpt are the ones used there.
            var own = i % 2 == 0;
            var post = Item(postId, "BlogPost", title, Date(i));
            // No owner: the byline shows the item's Author as the recipe gives it.
            post["Author"] = Put("BlogPost: Author", payload);
            post["TitlePart"] = new JsonObject { ["Title"] = title };
            post["AutoroutePart"] = new JsonObject { ["Path"] = path };
            post["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = Put("BlogPost: MarkdownBodyPart.Markdown", Body(payload, address, pixel), 10) };
            post["ContainedPart"] = new JsonObject { ["ListContentItemId"] = blogId, ["Order"] = i };
            var ownFields = new JsonObject
            {
                ["Subtitle"] = new JsonObject { ["Text"] = Put("BlogPost.Subtitle.Text", payload) },
                ["Image"] = new JsonObject
                {
                    ["Paths"] = new JsonArray(JsonValue.Create(pixel)),
                    ["MediaTexts"] = new JsonArray(JsonValue.Create(Put("BlogPost.Image.MediaTexts (alt text)", payload))),
                },
                ["Category"] = new JsonObject { ["TaxonomyContentItemId"] = CategoriesTaxonomyId, ["TermContentItemIds"] = new JsonArray(JsonValue.Create(categoryId)) },
                ["Tags"] = new JsonObject
                {
                    ["TaxonomyContentItemId"] = TagsTaxonomyId,
                    ["TermContentItemIds"] = new JsonArray(JsonValue.Create(tagId)),
                    ["TagNames"] = new JsonArray(JsonValue.Create(Put("BlogPost.Tags.TagNames", termName))),
                },
                ["Excerpt"] = new JsonObject { ["Text"] = Put("BlogPost.Excerpt.Text", payload) },
                ["ImageCaption"] = new JsonObject { ["Text"] = Put("BlogPost.ImageCaption.Text", payload) },
                ["XssText"] = new JsonObject { ["Text"] = Put("BlogPost.XssText.Text (TextField)", payload) },
                ["XssLink"] = new JsonObject
                {
                    ["Url"] = Put("BlogPost.XssLink.Url (LinkField)", address),
                    ["Text"] = Put("BlogPost.XssLink.Text (LinkField)", payload),
                },
                ["XssHtml"] = new JsonObject { ["Html"] = Put("BlogPost.XssHtml.Html (HtmlField)", payload) },
                ["XssMarkdown"] = new JsonObject { ["Markdown"] = Put("BlogPost.XssMarkdown.Markdown (MarkdownField)", payload) },
            };
            post["BlogPost"] = ownFields;
            post["SeoMetaPart"] = new JsonObject
            {
                ["PageTitle"] = own ? Put("SeoMetaPart.PageTitle", payload) : "",
                ["MetaDescription"] = own ? Put("SeoMetaPart.MetaDescription", payload) : "",
                ["Canonical"] = Put("SeoMetaPart.Canonical", "https://example.org/" + payload),
            };
            data.Add(post);
            posts.Add(new XssCorpusPost(
                i, payload, postId, "/" + path, $"/{categoriesPath}/{categorySlug}", $"/{tagsPath}/{tagSlug}"));
        }

        // The main menu keeps its seed entries and gains one whose children carry every payload, each leading to a
        // script address, and one leading to the first post.
        var children = new JsonArray();
        for (var i = 0; i < payloads.Count; i++)
        {
            children.Add(LinkMenuItem(
                Id('m', i), Put("LinkMenuItem: LinkMenuItemPart.Name", payloads[i]), Put("LinkMenuItem: LinkMenuItemPart.Url", addresses[i % addresses.Count])));
        }

        var contentMenuItemName = Put("ContentMenuItem: ContentMenuItemPart.Name", Pick(31));
        children.Add(new JsonObject
        {
            ["ContentItemId"] = Id('k', 0),
            ["ContentType"] = "ContentMenuItem",
            ["DisplayText"] = contentMenuItemName,
            ["ContentMenuItemPart"] = new JsonObject { ["Name"] = contentMenuItemName },
            ["ContentMenuItem"] = new JsonObject
            {
                ["SelectedContentItem"] = new JsonObject { ["ContentItemIds"] = new JsonArray(JsonValue.Create(posts[0].Id)) },
            },
        });
        var parent = LinkMenuItem(Id('m', payloads.Count), Put("LinkMenuItem: LinkMenuItemPart.Name", $"{Marker} {Pick(37)}"), "~/");
        parent["MenuItemsListPart"] = new JsonObject { ["MenuItems"] = children };
        mainMenu["MenuItemsListPart"]!["MenuItems"]!.AsArray().Add(parent);

        var menuTitle = Put("Menu: TitlePart.Title", $"{Marker} {Pick(41)}");
        var newMenu = Item(NewMenuId, "Menu", menuTitle, Date(0));
        newMenu["TitlePart"] = new JsonObject { ["Title"] = menuTitle };
        newMenu["AliasPart"] = new JsonObject { ["Alias"] = $"{Marker}-menu" };
        newMenu["MenuPart"] = new JsonObject();
        var newMenuItems = new JsonArray();
        for (var n = 0; n < addresses.Count; n++)
        {
            newMenuItems.Add(LinkMenuItem(Id('v', n), Put("Menu (new): LinkMenuItemPart.Name", Pick(43 + n)), Put("Menu (new): LinkMenuItemPart.Url", addresses[n])));
        }

        newMenu["MenuItemsListPart"] = new JsonObject { ["MenuItems"] = newMenuItems };

        // Pages: ten payloads each, raw and in emphasis, under a title that carries the first of them.
        foreach (var (chunk, k) in payloads.Chunk(10).Select((c, n) => (c, n)))
        {
            var pageTitle = Put("Page: TitlePart.Title", $"{Marker} page {k.ToString(CultureInfo.InvariantCulture)} {chunk[0]}");
            var pagePath = $"{Marker}-page-{k.ToString(CultureInfo.InvariantCulture)}";
            var page = Item(Id('g', k), "Page", pageTitle, Date(k));
            page["TitlePart"] = new JsonObject { ["Title"] = pageTitle };
            page["AutoroutePart"] = new JsonObject { ["Path"] = pagePath };
            page["MarkdownBodyPart"] = new JsonObject
            {
                ["Markdown"] = Put("Page: MarkdownBodyPart.Markdown", string.Join("\n\n", chunk.Select(p => $"{p}\n\n*{p}*")), chunk.Length * 2),
            };
            data.Add(page);
            items.Add(new XssCorpusItem(Id('g', k), "/" + pagePath, $"page {k.ToString(CultureInfo.InvariantCulture)}: payloads {string.Join(" | ", chunk)}"));
        }

        // An item of the new type: every payload in its body, and in its own fields.
        var noteTitle = Put($"{NoteType}: TitlePart.Title", $"{Marker} note {Pick(47)}");
        var note = Item(Id('e', 0), NoteType, noteTitle, Date(0));
        note["TitlePart"] = new JsonObject { ["Title"] = noteTitle };
        note["AutoroutePart"] = new JsonObject { ["Path"] = $"{Marker}-note" };
        note["MarkdownBodyPart"] = new JsonObject
        {
            ["Markdown"] = Put($"{NoteType}: MarkdownBodyPart.Markdown", string.Join("\n\n", payloads), payloads.Count),
        };
        note[NoteType] = new JsonObject
        {
            ["Note"] = new JsonObject { ["Text"] = Put($"{NoteType}.Note.Text (TextField)", Pick(53)) },
            ["Source"] = new JsonObject
            {
                ["Url"] = Put($"{NoteType}.Source.Url (LinkField)", addresses[0]),
                ["Text"] = Put($"{NoteType}.Source.Text (LinkField)", Pick(59)),
            },
        };
        data.Add(note);
        items.Add(new XssCorpusItem(Id('e', 0), $"/{Marker}-note", $"the {NoteType} item: every payload in its body"));
        CreatedItems = data.Count + 1;

        var content = new JsonArray(categories, tags, blog, mainMenu, newMenu);
        foreach (var item in data)
        {
            content.Add(item);
        }

        recipe = new JsonObject
        {
            ["name"] = $"XssCorpus-{Marker}",
            ["displayName"] = "XSS corpus",
            ["description"] = "Every payload of the XSS corpus in every input a recipe can set.",
            ["author"] = "BlogSite browser tests",
            ["website"] = "",
            ["version"] = "1.0.0",
            ["issetuprecipe"] = false,
            ["categories"] = new JsonArray(),
            ["tags"] = new JsonArray(),
            ["steps"] = new JsonArray(definitions, settings, media, new JsonObject { ["name"] = "content", ["Data"] = content }),
        };
    }

    /// Letters and digits new to this run, in every id, path and slug the recipe adds and in every title, so the
    /// admin's searches find exactly this run's items.
    public string Marker { get; }

    public IReadOnlyList<XssCorpusPost> Posts => posts;

    /// The pages and the new type's item: their ids, paths and what they show.
    public IReadOnlyList<XssCorpusItem> Items => items;

    public string CategoriesTaxonomyId { get; }

    public string TagsTaxonomyId { get; }

    public string MainMenuId { get; }

    public string NewMenuId { get; }

    /// The recipe's fields that carry payloads, by name.
    public IReadOnlyCollection<string> Fields => fields;

    /// How many payloads the recipe writes, all fields together.
    public int Placements { get; private set; }

    /// The items the import creates (the taxonomies, the blog and the main menu are updated).
    public int CreatedItems { get; }

    public static XssCorpusRecipe Create(IReadOnlyList<string> payloads, IReadOnlyList<string> scriptAddresses, string seedRecipePath)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        ArgumentNullException.ThrowIfNull(scriptAddresses);
        ArgumentException.ThrowIfNullOrEmpty(seedRecipePath);
        if (payloads.Count == 0 || scriptAddresses.Count == 0)
        {
            throw new ArgumentException("The corpus is empty.", nameof(payloads));
        }

        return new XssCorpusRecipe(payloads, scriptAddresses, seedRecipePath);
    }

    /// The recipe file as the Import page receives it.
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(recipe.ToJsonString(WriteOptions));

    /// Raw, in emphasis, as a heading (which gets an id), in a list and a code span, as a link's text and address, a
    /// script address as a link, as an image's alt text, quoted, and in a fenced code block.
    private static string Body(string payload, string address, string pixel) => string.Join(
        "\n\n",
        payload,
        $"*{payload}*",
        $"## {payload}",
        $"- {payload}\n- `{payload}`",
        $"[{payload}](https://example.org/)",
        $"[x]({payload})",
        $"[y]({address})",
        $"![{payload}](/media/{pixel})",
        $"> {payload}",
        $"```html\n{payload}\n```");

    /// The items of the bundled recipe's content steps, as the recipe file has them.
    private static List<JsonObject> SeedItems(string seedRecipePath)
    {
        var seed = JsonNode.Parse(File.ReadAllText(seedRecipePath), documentOptions: SeedOptions) as JsonObject
            ?? throw new InvalidOperationException($"{seedRecipePath} is not a recipe.");
        return [.. (seed["steps"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(s => Text(s["name"]) == "content")
            .SelectMany(s => (s["Data"] as JsonArray ?? []).OfType<JsonObject>())];
    }

    private static JsonObject SeedItem(List<JsonObject> seedItems, Func<JsonObject, bool> which) =>
        (JsonObject)(seedItems.Find(i => which(i)) ?? throw new InvalidOperationException("The bundled recipe lacks an item this recipe extends.")).DeepClone();

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Date(int hours) =>
        new DateTime(ArchiveYear, ArchiveMonth, 1, 8, 0, 0, DateTimeKind.Utc).AddHours(hours).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// Orchard Core's id shape (26 lower-case characters), from the run's marker.
    private string Id(char kind, int number) => (Marker + kind + number.ToString("D3", CultureInfo.InvariantCulture)).PadRight(26, '0');

    /// Records that <paramref name="field"/> carries <paramref name="count"/> payloads, and gives back the value.
    private string Put(string field, string value, int count = 1)
    {
        fields.Add(field);
        Placements += count;
        return value;
    }

    private JsonObject FieldRecord(string kind, string name, string label, string hint, int position) => new()
    {
        ["FieldName"] = kind,
        ["Name"] = name,
        ["Settings"] = new JsonObject
        {
            ["ContentPartFieldSettings"] = new JsonObject
            {
                ["DisplayName"] = Put("ContentDefinition: field DisplayName (label)", label),
                ["Position"] = position.ToString(CultureInfo.InvariantCulture),
            },
            [$"{kind}Settings"] = new JsonObject { ["Hint"] = Put("ContentDefinition: field Hint", hint) },
        },
    };

    private static JsonObject PartRecord(string part, int position, JsonObject? settings = null)
    {
        settings ??= [];
        settings["ContentTypePartSettings"] = new JsonObject { ["Position"] = position.ToString(CultureInfo.InvariantCulture) };
        return new JsonObject { ["PartName"] = part, ["Name"] = part, ["Settings"] = settings };
    }

    private static JsonObject Item(string id, string type, string title, string date) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = type,
        ["DisplayText"] = title,
        ["Latest"] = true,
        ["Published"] = true,
        ["CreatedUtc"] = date,
        ["ModifiedUtc"] = date,
        ["PublishedUtc"] = date,
    };

    private static JsonObject Term(string id, string type, string name, string slug, string taxonomyId) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = type,
        ["DisplayText"] = name,
        ["TitlePart"] = new JsonObject { ["Title"] = name },
        ["AutoroutePart"] = new JsonObject { ["Path"] = slug },
        ["TermPart"] = new JsonObject { ["TaxonomyContentItemId"] = taxonomyId },
        [type] = new JsonObject(),
    };

    private static JsonObject LinkMenuItem(string id, string name, string address) => new()
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "LinkMenuItem",
        ["DisplayText"] = name,
        ["LinkMenuItemPart"] = new JsonObject { ["Name"] = name, ["Url"] = address },
    };
}

/// A post the corpus recipe adds: its payload, and the paths of the post and of its category and tag pages.
public sealed record XssCorpusPost(int Index, string Payload, string Id, string Path, string CategoryPath, string TagPath);

/// Another item the corpus recipe adds, with its public path and what it shows.
public sealed record XssCorpusItem(string Id, string Path, string Shows);
