namespace BlogSite.Cms.Recipes.Scripting;

/// Bound to "BlogSite:Recipes": the configuration keys recipes may read (<see cref="RecipeConfiguration"/>).
public sealed class RecipeConfigurationOptions
{
    public const string Section = "BlogSite:Recipes";

    /// Keys, or sections ending in ":*". Configured entries are added to these: Orchard Core's admin prefix (its Blog
    /// recipe reads it) and a section operators keep values for recipes in.
    public IList<string> ReadableConfiguration { get; } = ["OrchardCore_Admin:AdminUrlPrefix", "BlogSite:RecipeValues:*"];
}
