namespace BlogSite.Cms.Recipes.Reading;

/// Bound to "BlogSite:Recipes".
public sealed class RecipeCatalogOptions
{
    public const string Section = "BlogSite:Recipes";

    /// More folders whose *.recipe.json files (in any sub-folder) a `recipes` step may name, besides the bundled
    /// recipes and the running recipe's own folder. Relative paths are under the content root.
    public IList<string> Folders { get; } = [];
}
