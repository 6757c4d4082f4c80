using System.Text.Json.Nodes;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Settings;

namespace BlogSite.Cms.Content.Routing;

/// The site's home page: the HomeRoute setting, in Orchard Core's shape, which any routable item can take. An item
/// published with AutoroutePart.SetHomepage takes it, as in Orchard Core.
public sealed class HomeRoute(SiteSettingsStore settings)
{
    public Task SetAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        settings.MergeAsync(new JsonObject
        {
            ["HomeRoute"] = new JsonObject
            {
                ["Action"] = "Display",
                ["Controller"] = "Item",
                ["Area"] = "OrchardCore.Contents",
                ["ContentItemId"] = contentItemId,
            },
        }, cancellationToken);

    /// Gives the home page to the last of <paramref name="published"/> that asks for it.
    public async Task TakeFromAsync(IEnumerable<ContentItem> published, CancellationToken cancellationToken = default)
    {
        if (published.LastOrDefault(i => i.Published && i.As<AutoroutePart>() is { SetHomepage: true }) is { } home)
        {
            await SetAsync(home.ContentItemId, cancellationToken);
        }
    }
}
