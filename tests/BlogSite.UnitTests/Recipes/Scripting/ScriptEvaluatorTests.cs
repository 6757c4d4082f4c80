using System.Text.Json.Nodes;
using BlogSite.Cms.Recipes.Scripting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BlogSite.UnitTests.Recipes.Scripting;

public sealed class ScriptEvaluatorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("blogsite-script-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private RecipeScriptScope Scope(JsonObject? variables = null, Dictionary<string, string>? parameters = null) =>
        new(
            variables ?? [],
            parameters ?? [],
            new RecipeConfiguration(
                new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["BlogSite:RecipeValues:Title"] = "From config",
                    ["BlogSite:Setup:AdminPassword"] = "secret-password",
                    ["BlogSite:Database:ConnectionString"] = "Host=db;Password=secret",
                }).Build(),
                Options.Create(new RecipeConfigurationOptions())),
            folder);

    [Theory]
    [InlineData("""{"a": {"b": ["x", "[js: uuid()]"]}}""")]
    [InlineData("""{"a": "  [file: body.md]"}""")]
    [InlineData("""{"a": "\u005bjs: uuid()]"}""")]
    [InlineData("""{"a": "\n[JS:uuid()] "}""")]
    [InlineData("""{"a": "\u00a0[js: uuid()]"}""")]
    [InlineData("""{"a": " [js: uuid()]"}""")]
    public void AScriptValueIsFoundWhereverAndHoweverTheFileWritesIt(string json)
    {
        Assert.True(ScriptEvaluator.ContainsScript(JsonNode.Parse(json)));
        Assert.True(ScriptEvaluator.ContainsScript(JsonNode.Parse(json)!.DeepClone()), "built, not parsed");
    }

    [Fact]
    public void AScriptValueIsFoundInNodesBuiltInCodeAndAfterRawNonAsciiWhitespace()
    {
        Assert.True(ScriptEvaluator.ContainsScript(new JsonObject { ["a"] = new JsonArray("x", " [js: uuid()]") }));
        Assert.False(ScriptEvaluator.ContainsScript(new JsonObject { ["a"] = new JsonArray("x", "see [js: uuid()]", 3) }));
        // A no-break space written as itself, not escaped: its UTF-8 bytes are not ASCII.
        Assert.True(ScriptEvaluator.ContainsScript(JsonNode.Parse("{\"a\": \"\u00a0[js: uuid()]\"}")));
    }

    [Theory]
    [InlineData("""{"a": {"b": ["x", "see [js: uuid()]", 3, true, null]}}""")]
    [InlineData("""{"Body": "[a link](https://example.org) [js: not whole]"}""")]
    [InlineData("""{"a": "[js: uuid()] and more"}""")]
    public void TextThatIsNotWhollyAScriptValueIsNotOne(string json)
    {
        Assert.False(ScriptEvaluator.ContainsScript(JsonNode.Parse(json)));
        Assert.False(ScriptEvaluator.ContainsScript(JsonNode.Parse(json)!.DeepClone()), "built, not parsed");
    }

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
            "[js: parameters('AdminUsername') + ' @ ' + configuration('BlogSite:RecipeValues:Title', 'x') + ' / ' + configuration('BlogSite:RecipeValues:Missing', 'fallback')]",
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
    [InlineData("[js: nosuch()]", "nosuch is not defined")]
    [InlineData("[js: variables('missing')]", "no variable 'missing'")]
    [InlineData("[js: 'unclosed]", "is not valid JavaScript")]
    [InlineData("[file:text('nothere.html')]", "does not exist")]
    [InlineData("[js: base64('***')]", "not valid Base64")]
    [InlineData("[js: while (true) {}]", "ran past the limits")]
    [InlineData("[js: (function f() { return f(); })()]", "ran past the limits")]
    [InlineData("[js: System.IO.File.ReadAllText('/etc/passwd')]", "System is not defined")]
    [InlineData("[js: importNamespace('System.IO')]", "importNamespace is not defined")]
    public void BadScriptsSayWhatIsWrong(string script, string expected)
    {
        var error = Assert.Throws<ScriptException>(() => ScriptEvaluator.EvaluateString(script, Scope()));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[file:text('/etc/passwd')]")]
    [InlineData("[file:text('../../../../etc/passwd')]")]
    [InlineData("[file:base64('sub/../../outside.txt')]")]
    [InlineData("[file:text('\\\\evil/x')]")]
    public void FilesOutsideTheRecipesFolderAreRefused(string script)
    {
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(folder)!, "outside.txt"), "secret");

        var error = Assert.Throws<ScriptException>(() => ScriptEvaluator.EvaluateString(script, Scope()));

        Assert.Contains("recipe's folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkInsideTheFolderToAFileOutsideIsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(folder, "passwd.txt"), "/etc/passwd");

        var error = Assert.Throws<ScriptException>(() => ScriptEvaluator.EvaluateString("[file:text('passwd.txt')]", Scope()));

        Assert.Contains("is a link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EachValueRunsInAnEngineOfItsOwn()
    {
        var scope = Scope();

        Assert.Equal(2020d, ScriptEvaluator.EvaluateString("[js: const d = new Date(Date.UTC(2020, 0, 1)); d.getUTCFullYear()]", scope));
        Assert.Equal(2021d, ScriptEvaluator.EvaluateString("[js: const d = new Date(Date.UTC(2021, 0, 1)); d.getUTCFullYear()]", scope));
        ScriptEvaluator.EvaluateString("[js: uuid = function () { return 'same'; }; 1]", scope);
        Assert.NotEqual("same", ScriptEvaluator.EvaluateString("[js: uuid()]", scope));
    }

    [Fact]
    public void WhatAScriptMakesIsBounded()
    {
        using var zeros = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(zeros, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[80 * 1024 * 1024]);
        }

        var bomb = Convert.ToBase64String(zeros.ToArray());

        Assert.Contains("more than 64 MB", Assert.Throws<ScriptException>(() => ScriptEvaluator.EvaluateString($"[js: gzip('{bomb}')]", Scope())).Message, StringComparison.Ordinal);
        Assert.Throws<ScriptException>(() => ScriptEvaluator.EvaluateString("[js: 'x'.repeat(200000000)]", Scope()));
        Assert.Throws<ScriptException>(() => ScriptEvaluator.EvaluateString("[js: new Array(100000000).fill(0)]", Scope()));
        Assert.Null(ScriptEvaluator.EvaluateString("[js: 0 / 0]", Scope()));
    }

    [Fact]
    public void OrchardCoresScriptsEvaluate()
    {
        var scope = Scope(new JsonObject { ["now"] = "[js: new Date().toISOString()]", ["count"] = 3 });

        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", (string)ScriptEvaluator.EvaluateString("[js: variables('now')]", scope)!);
        Assert.Equal("2020-1-2", ScriptEvaluator.EvaluateString("[js: const d = new Date(Date.UTC(2020, 0, 2)); d.getUTCFullYear() + '-' + (d.getUTCMonth() + 1) + '-' + d.getUTCDate()]", scope));
        Assert.Equal("KOREA", ScriptEvaluator.EvaluateString("[js: 'north korea'.split(' ')[1].toUpperCase()]", scope));
        Assert.Equal(6d, ScriptEvaluator.EvaluateString("[js: variables('count') * 2]", scope));
        Assert.Equal(true, ScriptEvaluator.EvaluateString("[js: 1 < 2]", scope));
        Assert.Equal("<p>Tom & Jerry</p>", ScriptEvaluator.EvaluateString("[js: html('&lt;p&gt;Tom &amp; Jerry&lt;/p&gt;')]", scope));
        Assert.Equal(Convert.ToBase64String("Hello World!"u8.ToArray()), ScriptEvaluator.EvaluateString("[js: gzip('H4sIAOCaLmcAA/NIzcnJVwjPL8pJUQQAoxwpHAwAAAA=')]", scope));
        var json = Assert.IsAssignableFrom<JsonObject>(ScriptEvaluator.EvaluateString("[js: ({ name: 'Tags', ids: [1, 2] })]", scope));
        Assert.Equal("""{"name":"Tags","ids":[1,2]}""", json.ToJsonString());
        Assert.Null(ScriptEvaluator.EvaluateString("[js: configuration('OrchardCore_Admin:AdminUrlPrefix')]", scope));
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

    [Theory]
    [InlineData("[js: configuration('BlogSite:Setup:AdminPassword')]", "BlogSite:Setup:AdminPassword")]
    [InlineData("[js: configuration('BlogSite:Database:ConnectionString', 'none')]", "BlogSite:Database:ConnectionString")]
    [InlineData("[js: configuration('blogsite:recipevalues:..:Setup:AdminPassword')]", "blogsite:recipevalues:..:Setup:AdminPassword")]
    public void SecretConfigurationIsRefusedByName(string script, string key)
    {
        var refused = Assert.Throws<ScriptException>(() => ScriptEvaluator.EvaluateString(script, Scope()));

        Assert.Contains($"configuration('{key}') is not readable by recipes", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", refused.Message, StringComparison.Ordinal);
    }
}
