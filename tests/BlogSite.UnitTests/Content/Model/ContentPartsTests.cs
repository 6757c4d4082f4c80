using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;

namespace BlogSite.UnitTests.Content.Model;

/// Parts are read and written by type; the JSON stays as recipes and Orchard Core write it.
public sealed class ContentPartsTests
{
    private static ContentItem ItemWith(string json) => new() { Content = JsonNode.Parse(json)!.AsObject() };

    [Fact]
    public void APartIsReadByTheNameOfItsTypeWhateverTheCaseOfTheRecipe()
    {
        var item = ItemWith("""{"titlePart":{"title":"Lower-case keys"}}""");

        Assert.Equal("Lower-case keys", item.As<TitlePart>()?.Title);
        Assert.True(item.Has<TitlePart>());
        Assert.Null(item.As<AutoroutePart>());
    }

    [Fact]
    public void APartOfTheWrongShapeReadsAsMissingInsteadOfFailing()
    {
        var item = ItemWith("""{"AutoroutePart":{"Path":42}}""");

        Assert.Null(item.As<AutoroutePart>());
    }

    [Fact]
    public void ApplyingAPartKeepsThePropertiesItsTypeDoesNotKnowAndItsPlace()
    {
        var item = ItemWith("""{"AutoroutePart":{"Path":"old","Disabled":true},"TitlePart":{"Title":"T"}}""");

        item.Apply(new AutoroutePart("new"));

        Assert.Equal(["AutoroutePart", "TitlePart"], item.Content.Select(p => p.Key));
        Assert.Equal("new", item.Content["AutoroutePart"]!["Path"]!.GetValue<string>());
        Assert.True(item.Content["AutoroutePart"]!["Disabled"]!.GetValue<bool>());
    }

    [Fact]
    public void ApplyingAPartStoredUnderAnotherCaseLeavesOnePartUnderTheTypesName()
    {
        var item = ItemWith("""{"titlepart":{"title":"old","Extra":1}}""");

        item.Alter<TitlePart>(title => title! with { Title = "new" });

        Assert.Equal(["TitlePart"], item.Content.Select(p => p.Key));
        Assert.Equal(["Extra", "Title"], item.Content["TitlePart"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("new", item.As<TitlePart>()?.Title);
    }

    [Fact]
    public void NullPropertiesOfAnAppliedPartLeaveTheStoredValues()
    {
        var item = ItemWith("""{"ContainedPart":{"ListContentItemId":"blog","Order":3}}""");

        item.Apply(new ContainedPart(null, 5));

        Assert.Equal("blog", item.As<ContainedPart>()?.ListContentItemId);
        Assert.Equal(5, item.As<ContainedPart>()?.Order);
    }

    [Fact]
    public void RemovingAPartRemovesItUnderAnyCase()
    {
        var item = ItemWith("""{"publishLaterPart":{"ScheduledPublishUtc":"2030-01-01T00:00:00Z"}}""");

        item.Remove<PublishLaterPart>();

        Assert.Empty(item.Content);
    }
}
