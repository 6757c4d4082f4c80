using BlogSite.Blog.Authors;
using BlogSite.Blog.Display;
using BlogSite.Blog.Editing;
using BlogSite.Blog.Feeds;
using BlogSite.Blog.Navigation;
using BlogSite.Blog.Queries;
using BlogSite.Blog.Search;
using BlogSite.Cms.Admin;
using BlogSite.Cms.Content;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Features;
using BlogSite.Cms.Content.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Blog;

/// The blog module's table of contents: its feature and content types, its services, its public pages.
public static class BlogModule
{
    public const string FeatureId = "BlogSite.Blog";

    public static readonly FeatureDescriptor[] Features =
    [
        new(FeatureId, "Blog",
            "OrchardCore.Contents", "OrchardCore.Title", "OrchardCore.Autoroute", "OrchardCore.Markdown",
            "OrchardCore.Lists", "OrchardCore.Taxonomies", "OrchardCore.ContentFields", "OrchardCore.HomeRoute")
        {
            ContentDefinitions = BlogContentDefinitions.Build(),
            OnByDefault = true,
        },
    ];

    public static IServiceCollection AddBlogModule(this IServiceCollection services)
    {
        services.AddCmsFeatures(Features);

        // Reading posts and turning them into what the theme draws.
        services.AddScoped<BlogPostQueries>();
        services.AddScoped<BlogPostPresenter>();
        services.AddScoped<AuthorDirectory>();
        services.AddSingleton(_ => new GenerationalCache<string, Author>(AuthorDirectory.Capacity));
        services.AddScoped<PostSummaries>();
        // Themes keep drawn post summaries with <cache> (see PostSummary.CacheKey): about 3 KB each, so this holds the
        // summaries of some 500 list pages, where the default 100 MB would let a crawler walking every page fill it.
        services.Configure<CacheTagHelperOptions>(options => options.SizeLimit = 16 * 1024 * 1024);
        services.AddScoped<PostNeighbourhood>();
        services.AddSingleton(_ => new GenerationalCache<long, CachedSummary>(PostSummaries.Capacity));
        services.AddSingleton(_ => new GenerationalCache<long, PostSurroundings>(PostSummaries.Capacity));
        services.AddSingleton(_ => new GenerationalCache<string, ContentDisplay>(BlogSearch.KeptResultPages));
        services.AddScoped<ContentDisplayBuilder>();
        services.AddScoped<ContentDisplays>();
        services.AddSingleton(_ => new GenerationalCache<string, KeptDisplay>(ContentDisplays.Capacity, KeptDisplay.Size));
        services.AddScoped<SiteNavigation>();
        services.AddScoped<IStartupWarmUp, ReaderPagesWarmUp>();
        services.AddScoped<LayoutDataFactory>();
        services.AddScoped<BlogTaxonomyLocator>();

        // The post editor.
        services.AddScoped<PostEditorLoader>();
        services.AddScoped<BlogPostEditor>();
        services.AddScoped<PostFormMapper>();
        services.AddScoped<PostFormChecks>();
        services.AddScoped<PostExtraFields>();
        services.AddScoped<PostEditorChoices>();
        services.AddScoped<PostAuthorChoices>();
        services.AddContentEditor(BlogContentDefinitions.BlogPost, "post", "/Admin/Posts/Edit", FeatureId);
        services.AddPublishedCountCard(BlogContentDefinitions.BlogPost, "published posts", FeatureId);
        services.AddContentPreview("/Admin/Preview");

        // Search, feeds and discovery.
        services.AddScoped<BlogSearch>();
        services.AddScoped<RssFeedBuilder>();
        services.AddScoped<FeedEntries>();
        services.AddSingleton(_ => new GenerationalCache<long, FeedEntry>(FeedEntries.Capacity, FeedEntries.SizeOf));
        services.AddScoped<SitemapQueries>();

        // Public pages (Razor Pages in this project; the theme supplies layout and partials), on only while the blog
        // feature is: the error page serves the whole site.
        services.AddRazorPages(pages => pages.Conventions.Add(new FeaturePages(typeof(BlogModule).Assembly, FeatureId, "/Error")));
        return services;
    }

    public static WebApplication MapBlogModule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var blog = app.MapGroup("").WithMetadata(new RequiredFeature(FeatureId));
        blog.MapDiscoveryEndpoints();
        blog.MapPostEditorEndpoints();
        // With the static asset manifest, "~/" links in views resolve to fingerprinted URLs served as immutable.
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
