using Microsoft.Extensions.Time.Testing;

namespace BlogSite.BrowserTests.Admin;

/// The browser site with a fake clock, so scheduled posts fall due when a test says.
public sealed class EditorBrowserFixture : BrowserSiteFixture
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Clock => Time;
}
