using BlogSite.Blog.Navigation;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Blog.Display;

/// Builds the home page's content and the navigation every page shows while the host starts: at 100,000 posts the
/// home list's order and the months with posts are the bulk of the first page's work. A site with the blog turned off
/// serves none of it, so it is not built.
public sealed class ReaderPagesWarmUp : IStartupWarmUp
{
    public async Task WarmUpAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!await services.GetRequiredService<FeatureManager>().IsEnabledAsync(BlogModule.FeatureId, cancellationToken))
        {
            return;
        }

        await services.GetRequiredService<SiteNavigation>().GetAsync();
        await services.GetRequiredService<ContentDisplays>().BuildAsync(null, 1, cancellationToken);
    }
}
