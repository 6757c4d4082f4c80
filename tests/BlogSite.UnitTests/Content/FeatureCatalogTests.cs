using BlogSite.Cms.Content.Features;

namespace BlogSite.UnitTests.Content;

public sealed class FeatureCatalogTests
{
    [Fact]
    public void DependenciesComeFirstAndUnknownIdsApart()
    {
        var catalog = new FeatureCatalog([new("C", "C", "B"), new("B", "B", "A"), new("A", "A")]);

        var (ordered, unknown) = catalog.Resolve(["C", "Orchard.Missing", "A"]);

        Assert.Equal(["A", "B", "C"], ordered.Select(f => f.Id));
        Assert.Equal(["Orchard.Missing"], unknown);
    }

    [Fact]
    public void ACycleIsReported()
    {
        var catalog = new FeatureCatalog([new("A", "A", "B"), new("B", "B", "A")]);

        Assert.Throws<InvalidOperationException>(() => catalog.Resolve(["A"]));
    }
}
