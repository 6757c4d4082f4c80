using System.Text.Json.Nodes;
using BlogSite.Cms.Recipes.Execution;

namespace BlogSite.UnitTests.Recipes;

/// Steps BlogSite keeps merge as Orchard Core's own steps merge what they store, so a later recipe never drops what
/// an earlier one kept.
public sealed class KeptStepMergeTests
{
    private static JsonObject Step(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void MediaProfilesAndTemplatesMergeByName()
    {
        var blog = Step("""{ "name": "MediaProfiles", "MediaProfiles": { "banner": { "Width": 1024 }, "thumb": { "Width": 200 } } }""");
        var agency = Step("""{ "name": "MediaProfiles", "MediaProfiles": { "thumb": { "Width": 320 }, "card": { "Width": 600 } } }""");

        var merged = KeptStepMerge.Merge(blog, agency);

        Assert.Equal("""{"banner":{"Width":1024},"thumb":{"Width":320},"card":{"Width":600}}""", merged["MediaProfiles"]!.ToJsonString());
    }

    [Fact]
    public void ListsMergeByEachEntrysIdentity()
    {
        var first = Step("""
            { "name": "Queries", "Queries": [ { "Source": "Sql", "Name": "RecentBlogPosts", "Template": "old" }, { "Source": "Sql", "Name": "AllTags" } ] }
            """);
        var second = Step("""
            { "name": "Queries", "Queries": [ { "Source": "Lucene", "Name": "RecentBlogPosts", "Template": "new" }, { "Source": "Sql", "Name": "Authors" } ] }
            """);

        var queries = KeptStepMerge.Merge(first, second)["Queries"]!.AsArray();

        Assert.Equal(["RecentBlogPosts", "AllTags", "Authors"], queries.Select(q => q!["Name"]!.GetValue<string>()));
        Assert.Equal("new", queries[0]!["Template"]!.GetValue<string>());
    }

    [Fact]
    public void AdminMenusMergeByIdAndLuceneIndicesByTheirName()
    {
        var menus = KeptStepMerge.Merge(
            Step("""{ "name": "AdminMenu", "data": [ { "Id": "a1", "Name": "Main", "MenuItems": [] } ] }"""),
            Step("""{ "name": "AdminMenu", "data": [ { "Id": "a2", "Name": "Main" }, { "Id": "a1", "Name": "Renamed" } ] }"""));
        var indices = KeptStepMerge.Merge(
            Step("""{ "name": "lucene-index", "Indices": [ { "Search": { "AnalyzerName": "standard" } } ] }"""),
            Step("""{ "name": "lucene-index", "Indices": [ { "Search": { "AnalyzerName": "english" } }, { "Blog": {} } ] }"""));

        Assert.Equal(["Renamed", "Main"], menus["data"]!.AsArray().Select(m => m!["Name"]!.GetValue<string>()));
        Assert.Equal("""[{"Search":{"AnalyzerName":"english"}},{"Blog":{}}]""", indices["Indices"]!.ToJsonString());
    }

    [Fact]
    public void EntriesWithoutIdentityAreAddedOnceAndPlainValuesAreReplaced()
    {
        var merged = KeptStepMerge.Merge(
            Step("""{ "name": "Placements", "Rules": [ "a", "b" ], "Enabled": false }"""),
            Step("""{ "name": "placements", "Rules": [ "b", "c" ], "Enabled": true }"""));

        Assert.Equal("""["a","b","c"]""", merged["Rules"]!.ToJsonString());
        Assert.True(merged["Enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void AStepThatIsOneThingOfItsOwnIsNamedByItsIdentity()
    {
        Assert.Equal("ClientId=shop", KeptStepMerge.EntityOf(Step("""{ "name": "OpenIdApplication", "ClientId": "shop", "RedirectUris": "a" }""")));
        Assert.Null(KeptStepMerge.EntityOf(Step("""{ "name": "Queries", "Queries": [] }""")));
    }
}
