using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Definitions;
using BlogSite.Cms.Content.Drivers;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.UnitTests.Content.Drivers;

/// A type's editor is built from the drivers registered for its parts and fields: a module's own part gets its
/// inputs without any change to the CMS, and a module may replace the CMS's editor of a field kind.
public sealed class ContentDriversTests
{
    private static readonly SiteSettings Site = new([]);

    private static readonly ContentDefinitionDocument Definitions = new ContentDefinitionBuilder()
        .Type("Review", "Review", type => type.Part<TitlePart>().NamedPart("RatingPart", "RatingPart").NamedPart("Review", "Review"))
        .Part("Review", part => part.Field<TextField>("Verdict", "Verdict"))
        .Build();

    [Fact]
    public async Task AModulesPartDriverGivesItsInputsInTheTypesOrderAndTheyWriteTheItem()
    {
        var inputs = new ContentEditorInputs(new ContentDrivers([new TitlePartDriver(), new RatingPartDriver()], [new TextFieldDriver()]));

        var form = await inputs.ForAsync(Definitions.Type("Review")!, Definitions.Part("Review"), null, Site);
        var item = new ContentItem { ContentType = "Review" };
        var problems = new Dictionary<string, string>();
        ContentEditorInputs.Apply(form, new Dictionary<string, string?>
        {
            ["TitlePart.Title"] = "A fair book", ["RatingPart.Stars"] = "9", ["Review.Verdict.Text"] = "Read it.",
        }, item, Site, problems);

        Assert.Equal(["TitlePart.Title", "RatingPart.Stars", "Review.Verdict.Text"], form.Select(i => i.Key));
        Assert.Equal("Stars must be from 1 to 5.", problems["RatingPart.Stars"]);
        Assert.Equal("Read it.", item.Content["Review"]!["Verdict"]!["Text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ALaterDriverOfAFieldKindReplacesTheCmssOwn()
    {
        var drivers = new ContentDrivers([], [new TextFieldDriver(), new ShoutingTextFieldDriver()]);

        var shown = await drivers.Field(nameof(TextField))!.DisplayAsync(new JsonObject { ["Text"] = "quiet" }, CancellationToken.None);

        Assert.Equal("QUIET", shown);
    }

    private sealed class RatingPartDriver : IContentPartDriver
    {
        public string PartName => "RatingPart";

        public Task<IReadOnlyList<EditorInput>> EditAsync(PartEditContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EditorInput>>([new EditorInput("RatingPart.Stars", "Stars", "number", null, Minimum: 1, Maximum: 5)]);
    }

    private sealed class ShoutingTextFieldDriver : FieldDriver<TextField>
    {
        public override Task<IReadOnlyList<EditorInput>> EditAsync(FieldEditContext context, CancellationToken cancellationToken) => Inputs();

        protected override Task<object?> DisplayAsync(TextField value, CancellationToken cancellationToken) => Shown(value.Text?.ToUpperInvariant());
    }
}
