using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Recipes.Reading;

namespace BlogSite.Testing;

/// What the bundled setup recipe says, read from the copy the build puts next to the tests, so expectations come
/// from the recipe itself rather than from numbers typed into tests.
public sealed class SetupRecipe
{
    private SetupRecipe(RecipeDescriptor recipe)
    {
        var items = recipe.Steps.OfType<JsonObject>()
            .Where(s => RecipeReader.StringProperty(s, "name") == "content")
            .SelectMany(s => ((JsonArray)s["Data"]!).OfType<JsonObject>())
            .Select(ContentItemJson.Read)
            .ToList();
        Posts = items.Where(i => i.ContentType == "BlogPost").ToList();
        ListedItems = items.Count(i => i.ContentType != "Taxonomy");
        TaxonomyTerms = items.Where(i => i.ContentType == "Taxonomy").SelectMany(t => Flatten(t, (JsonArray)t.Content["TaxonomyPart"]!["Terms"]!, null)).ToList();
    }

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "recipes", "blog.recipe.json");

    public static SetupRecipe Instance { get; } = new(RecipeReader.Parse(File.ReadAllText(FilePath), Path.GetDirectoryName(FilePath)!));

    /// In recipe (seed) order: newest first.
    public IReadOnlyList<ContentItem> Posts { get; }

    public IReadOnlyList<RecipeTerm> TaxonomyTerms { get; }

    /// How many items the admin's content list shows after setup: all but the taxonomies.
    public int ListedItems { get; }

    /// The posts filed under a term or one of its children, newest first.
    public IEnumerable<ContentItem> PostsIn(RecipeTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var ids = TaxonomyTerms.Where(t => t.Id == term.Id || t.ParentId == term.Id).Select(t => t.Id).ToHashSet();
        return Posts.Where(p => TermIdsOf(p, term.Taxonomy == "tags" ? "Tags" : "Category").Any(ids.Contains));
    }

    public static string PathOf(ContentItem post) => "/" + post.Content["AutoroutePart"]!["Path"]!.GetValue<string>();

    public static string TitleOf(ContentItem post) => post.Content["TitlePart"]!["Title"]!.GetValue<string>();

    public static string MarkdownOf(ContentItem post) => post.Content["MarkdownBodyPart"]!["Markdown"]!.GetValue<string>();

    public static IReadOnlyList<string> TermIdsOf(ContentItem post, string field) =>
        ((JsonArray)post.Content["BlogPost"]![field]!["TermContentItemIds"]!).Select(n => n!.GetValue<string>()).ToList();

    private static IEnumerable<RecipeTerm> Flatten(ContentItem taxonomy, JsonArray terms, string? parent)
    {
        var taxonomyPath = taxonomy.Content["AutoroutePart"]!["Path"]!.GetValue<string>();
        foreach (var term in terms.OfType<JsonObject>())
        {
            var id = term["ContentItemId"]!.GetValue<string>();
            yield return new RecipeTerm(id, term["DisplayText"]!.GetValue<string>(), $"/{taxonomyPath}/{term["AutoroutePart"]!["Path"]!.GetValue<string>()}", taxonomyPath, parent);
            if (term["Terms"] is JsonArray children)
            {
                foreach (var child in Flatten(taxonomy, children, id))
                {
                    yield return child;
                }
            }
        }
    }
}

public sealed record RecipeTerm(string Id, string Name, string Url, string Taxonomy, string? ParentId);
