using System.Text.Json.Nodes;
using BlogSite.Cms.Admin.Versions;
using BlogSite.Cms.Content.Model;
using DiffPlex.DiffBuilder.Model;

namespace BlogSite.UnitTests.Admin;

public sealed class VersionComparerTests
{
    private static ContentItem Post(string title, string markdown, params string[] tags) => new()
    {
        ContentType = "BlogPost",
        DisplayText = title,
        Content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = markdown },
            ["BlogPost"] = new JsonObject
            {
                ["Subtitle"] = new JsonObject { ["Text"] = "Sanctions" },
                ["Tags"] = new JsonObject
                {
                    ["TaxonomyContentItemId"] = "4tagstaxonomy",
                    ["TermContentItemIds"] = new JsonArray([.. tags.Select(t => (JsonNode)("id-" + t))]),
                    ["TagNames"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]),
                },
            },
        },
    };

    private static string Lines(int count, Func<int, string> line) => string.Join('\n', Enumerable.Range(1, count).Select(line));

    [Fact]
    public void AOneWordFixInALongBodyIsShownWordByWordWithTheUnchangedLinesFolded()
    {
        var before = Post("Talks", Lines(20, i => i == 10 ? "Talks resume in Pyongyagn next week." : $"Line {i} stays."));
        var after = Post("Talks", Lines(20, i => i == 10 ? "Talks resume in Pyongyang next week." : $"Line {i} stays."));

        var field = Assert.Single(VersionComparer.Compare(before, after));

        Assert.Equal("Markdown body", field.Name);
        Assert.Equal((1, 1), (field.WordsAdded, field.WordsRemoved));
        Assert.Equal([7, 0, 0, 0, 0, 0, 8], field.Rows.Select(r => r.Folded));
        var changed = field.Rows[3];
        Assert.Equal(ChangeType.Modified, changed.New!.Type);
        Assert.Equal(["Pyongyagn"], changed.Old!.SubPieces.Where(p => p.Type == ChangeType.Deleted).Select(p => p.Text));
        Assert.Equal(["Pyongyang"], changed.New.SubPieces.Where(p => p.Type == ChangeType.Inserted).Select(p => p.Text));
        Assert.Equal(10, changed.New.Position);
    }

    [Fact]
    public void FieldsAreNamedForPeopleAndIdsOfOtherItemsAreLeftOut()
    {
        var fields = ContentFields.Of(Post("Talks", "Body", "Shipping", "UN"));

        Assert.Equal(["Title", "Markdown body", "Subtitle", "Tags › Tag names"], fields.Keys);
        Assert.Equal("Shipping, UN", fields["Tags › Tag names"]);
    }

    [Fact]
    public void ATitleAndATagChangedAreTwoFieldsAndSameContentIsNoChange()
    {
        var before = Post("Talks", "Body", "Shipping");
        var after = Post("Talks resume", "Body", "Shipping", "UN");

        Assert.Equal(["Title", "Tags › Tag names"], VersionComparer.Compare(before, after).Select(f => f.Name));
        Assert.Empty(VersionComparer.Compare(before, Post("Talks", "Body", "Shipping")));
    }
}
