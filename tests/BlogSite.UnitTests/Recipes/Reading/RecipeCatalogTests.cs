using BlogSite.Cms.Recipes.Reading;
using Microsoft.Extensions.Options;

namespace BlogSite.UnitTests.Recipes.Reading;

/// Recipes are found by the name inside them, read from the head of the file however large it is.
public sealed class RecipeCatalogTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-catalog-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void TheNameIsReadAfterOtherPropertiesAndAByteOrderMarkAndAHugeValueBeforeItIsNoCrash()
    {
        var large = Write("large.recipe.json", "\uFEFF{ \"$schema\": \"x\", \"description\": \"" + new string('d', 100_000) + "\", \"name\": \"Far\", \"steps\": [] }");
        var early = Write("early.recipe.json", "\uFEFF{ \"displayName\": \"Early\", \"name\": \"Early\", \"steps\": [" + new string(' ', 100_000) + "] }");

        Assert.Null(RecipeCatalog.NameOf(large));
        Assert.Equal("Early", RecipeCatalog.NameOf(early));
    }

    [Fact]
    public void AFileNamedAfterTheRecipeIsFoundFirstAndNamesIgnoreCase()
    {
        Write("a.recipe.json", """{ "name": "Other", "steps": [] }""");
        var named = Write("blog.core.recipe.json", """{ "name": "Blog.Core", "steps": [] }""");
        var catalog = new RecipeCatalog(Options.Create(new RecipeCatalogOptions()));

        Assert.Equal(named, catalog.Find("blog.CORE", folder));
        Assert.Null(catalog.Find("Missing", folder));
    }
}
