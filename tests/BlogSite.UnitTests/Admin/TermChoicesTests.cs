using BlogSite.Cms.Admin.Pages.Admin.Taxonomies;
using BlogSite.Cms.Content.Indexes;

namespace BlogSite.UnitTests.Admin;

/// The taxonomy editor's pickers show a name for every term and read each back as that term, even when names repeat.
public sealed class TermChoicesTests
{
    private static readonly TermIndex[] Terms =
    [
        Term("policy", "Policy", null, "policy"),
        Term("sanctions-1", "Sanctions", "policy", "policy/sanctions"),
        Term("sanctions-2", "Sanctions", null, "sanctions"),
        Term("sanctions-3", "Sanctions", null, "sanctions-2"),
        Term("ai", "AI", null, "ai"),
        Term("ai-lower", "Ai", null, "ai-2"),
        Term("child", "Child", "sanctions-2", "sanctions/child"),
    ];

    [Fact]
    public void EveryTermHasANameOfItsOwnThatReadsBackAsIt()
    {
        var choices = new TermChoices(Terms);

        var labels = Terms.Select(t => choices.LabelOf(t.TermContentItemId)).ToList();

        Assert.Equal(labels.Count, labels.Distinct(StringComparer.CurrentCultureIgnoreCase).Count());
        Assert.All(Terms, t => Assert.Equal(t.TermContentItemId, choices.IdOf(choices.LabelOf(t.TermContentItemId))));
        Assert.Equal("Policy › Sanctions", choices.LabelOf("sanctions-1"));
        Assert.Equal("Sanctions (sanctions)", choices.LabelOf("sanctions-2"));
        Assert.Equal("Sanctions (sanctions-2)", choices.LabelOf("sanctions-3"));
        Assert.Equal("AI (ai)", choices.LabelOf("ai"));
        Assert.Equal("Ai (ai-2)", choices.LabelOf("ai-lower"));
        Assert.Equal("Sanctions › Child", choices.LabelOf("child"));
    }

    [Theory]
    [InlineData("policy", "policy")]
    [InlineData("POLICY", "policy")]
    [InlineData("policy › sanctions", "sanctions-1")]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("No such term", "No such term")]
    public void APickedValueIsAnIdOrAShownName(string value, string? id) =>
        Assert.Equal(id, new TermChoices(Terms).IdOf(value));

    private static TermIndex Term(string id, string name, string? parent, string path) =>
        new() { TermContentItemId = id, DisplayText = name, ParentTermContentItemId = parent, Path = path };
}
