using System.Text.Json.Nodes;
using BlogSite.Cms.Recipes.Scripting;
using Microsoft.Extensions.Configuration;

namespace BlogSite.UnitTests.Recipes.Scripting;

public sealed class ScriptEvaluatorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-script-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private RecipeScriptScope Scope(JsonObject? variables = null, Dictionary<string, string>? parameters = null) =>
        new(
            variables ?? [],
            parameters ?? [],
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Site:Title"] = "From config" }).Build(),
            folder);

    [Fact]
    public void UuidMakesDistinctOrchardShapedIds()
    {
        var scope = Scope();
        var first = (string)ScriptEvaluator.EvaluateString("[js: uuid()]", scope)!;
        var second = (string)ScriptEvaluator.EvaluateString("[js:uuid()]", scope)!;

        Assert.Matches("^[0-9a-z]{26}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void AVariableIsEvaluatedOnceAndReused()
    {
        var scope = Scope(new JsonObject { ["blogId"] = "[js: uuid()]" });

        var first = ScriptEvaluator.EvaluateString("[js: variables('blogId')]", scope);
        var second = ScriptEvaluator.EvaluateString("[js: variables('blogId')]", scope);

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-z]{26}$", (string)first!);
    }

    [Fact]
    public void ParametersConfigurationAndConcatenationCombine()
    {
        var scope = Scope(parameters: new() { ["AdminUsername"] = "alice" });

        var value = ScriptEvaluator.EvaluateString(
            "[js: parameters('AdminUsername') + ' @ ' + configuration('Site:Title', 'x') + ' / ' + configuration('Missing:Key', 'fallback')]",
            scope);

        Assert.Equal("alice @ From config / fallback", value);
    }

    [Fact]
    public void AMissingParameterIsEmpty() =>
        Assert.Equal("", ScriptEvaluator.EvaluateString("[js: parameters('AdminUserId')]", Scope()));

    [Fact]
    public void Base64IsDecoded() =>
        Assert.Equal("Hello, Pyongyang", ScriptEvaluator.EvaluateString("[js: base64('SGVsbG8sIFB5b25neWFuZw==')]", Scope()));

    [Fact]
    public void FileTextReadsAFileNextToTheRecipe()
    {
        File.WriteAllText(Path.Combine(folder, "footer.html"), "<p>footer</p>");

        Assert.Equal("<p>footer</p>", ScriptEvaluator.EvaluateString("[file:text('footer.html')]", Scope()));
    }

    [Fact]
    public void PlainStringsAreLeftAlone() =>
        Assert.Equal("[not a script]", ScriptEvaluator.EvaluateString("[not a script]", Scope()));

    [Theory]
    [InlineData("[js: nosuch()]", "unknown function 'nosuch'")]
    [InlineData("[js: variables('missing')]", "no variable 'missing'")]
    [InlineData("[js: 'unclosed]", "not closed")]
    [InlineData("[file:text('nothere.html')]", "does not exist")]
    [InlineData("[js: base64('***')]", "not valid Base64")]
    public void BadScriptsSayWhatIsWrong(string script, string expected)
    {
        var error = Assert.Throws<ScriptException>(() => ScriptEvaluator.EvaluateString(script, Scope()));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TreeEvaluationReplacesNestedValuesAndReportsPaths()
    {
        var tree = JsonNode.Parse("""{"a":{"b":["[js: parameters('X')]", "[js: broken(]"]},"c":3}""")!;
        var errors = new List<string>();

        ScriptEvaluator.EvaluateTree(tree, "$.steps[0]", Scope(parameters: new() { ["X"] = "ok" }), (path, _) => errors.Add(path));

        Assert.Equal("ok", tree["a"]!["b"]![0]!.GetValue<string>());
        Assert.Equal(3, tree["c"]!.GetValue<int>());
        Assert.Equal(["$.steps[0].a.b[1]"], errors);
    }
}
