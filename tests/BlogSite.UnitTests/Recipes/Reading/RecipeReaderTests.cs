using BlogSite.Cms.Recipes.Execution;
using BlogSite.Cms.Recipes.Reading;

namespace BlogSite.UnitTests.Recipes.Reading;

public sealed class RecipeReaderTests
{
    [Fact]
    public void CommentsAndTrailingCommasAreAccepted()
    {
        var recipe = RecipeReader.Parse("""
            {
              // Orchard Core recipes carry comments
              "name": "Sample",
              "issetuprecipe": true,
              "steps": [ { "name": "feature", "enable": [] }, ],
            }
            """, "/tmp");

        Assert.Equal("Sample", recipe.Name);
        Assert.True(recipe.IsSetupRecipe);
        Assert.Single(recipe.Steps);
    }

    [Fact]
    public void MalformedJsonNamesLineAndColumn()
    {
        var error = Assert.Throws<RecipeException>(() => RecipeReader.Parse("{\n  \"name\": \"x\",\n  \"steps\": [ { \"name\": } ]\n}", "/tmp"));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryStepWithoutANameIsListed()
    {
        var error = Assert.Throws<RecipeException>(() => RecipeReader.Parse("""{ "steps": [ {}, 3, { "name": "feature" }, { "name": 1 } ] }""", "/tmp"));

        Assert.Equal(["$.steps[0].name", "$.steps[1]", "$.steps[3].name"], error.Errors.Select(e => e.JsonPath));
    }

    [Fact]
    public void ARecipeNeedsSteps()
    {
        var error = Assert.Throws<RecipeException>(() => RecipeReader.Parse("""{ "name": "no steps" }""", "/tmp"));

        Assert.Equal("$.steps", Assert.Single(error.Errors).JsonPath);
    }

    [Fact]
    public void PropertiesAreFoundWhateverTheirCase()
    {
        var recipe = RecipeReader.Parse("""{ "Steps": [ { "Name": "Content", "data": [] } ] }""", "/tmp");
        var step = (System.Text.Json.Nodes.JsonObject)recipe.Steps[0]!;

        Assert.Equal("Content", RecipeReader.StringProperty(step, "name"));
        Assert.Equal("data", RecipeReader.KeyOf(step, "Data"));
    }
}
