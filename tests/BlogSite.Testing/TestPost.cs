using BlogSite.Blog;
using BlogSite.Blog.Parts;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Fields;
using BlogSite.Cms.Content.Model;
using BlogSite.Cms.Content.Parts;
using BlogSite.Cms.Content.Routing;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.Testing;

/// A published post a test makes for itself, so tests that change posts never share one.
public sealed record TestPost(string ContentItemId, string Title, string Path, string Markdown)
{
    public string Url => "/" + Path;

    /// Publishes a post in the site's blog, owned by nobody in particular (or the user <paramref name="ownerId"/>), dated
    /// <paramref name="publishedUtc"/> or else a whole minute an hour before now on the site's clock (so the editor reads its
    /// date as past, never as a schedule).
    public static async Task<TestPost> PublishAsync(
        IServiceProvider services, string title, string markdown, string? ownerId = null, DateTime? publishedUtc = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var path = "blog/" + SlugGenerator.Slugify(title);
        var post = new ContentItem
        {
            ContentItemId = ContentItemIdGenerator.NewId(),
            ContentItemVersionId = ContentItemIdGenerator.NewId(),
            ContentType = BlogContentDefinitions.BlogPost,
            DisplayText = title,
            Latest = true,
            Published = true,
            PublishedUtc = publishedUtc ?? AnHourAgo(scope.ServiceProvider.GetRequiredService<TimeProvider>()),
            Owner = ownerId,
            Author = ownerId,
        };
        post.Apply(new TitlePart(title)).Apply(new AutoroutePart(path)).Apply(new MarkdownBodyPart(markdown))
            .Apply(new BlogPost(Subtitle: new TextField("")));
        if (await scope.ServiceProvider.GetRequiredService<BlogPostQueries>().BlogIdAsync(CancellationToken.None) is { } blogId)
        {
            post.Apply(new ContainedPart(blogId));
        }

        await scope.ServiceProvider.GetRequiredService<ContentVersionImporter>().ImportAsync(post);
        return new TestPost(post.ContentItemId, title, path, markdown);
    }

    /// Imports a never-published post with the given id and path, owned by <paramref name="ownerName"/> when given;
    /// returns its address. Importing it again changes nothing.
    public static async Task<string> DraftAsync(IServiceProvider services, string id, string path, string? ownerName = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var owner = ownerName is null ? null : await scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(ownerName);
        var draft = new ContentItem
        {
            ContentItemId = id, ContentType = BlogContentDefinitions.BlogPost, DisplayText = $"Draft {id}", Latest = true, Published = false,
            Owner = owner?.Id,
        };
        draft.Apply(new TitlePart($"Draft {id}")).Apply(new AutoroutePart(path)).Apply(new MarkdownBodyPart("Body."));
        await scope.ServiceProvider.GetRequiredService<ContentVersionImporter>().ImportAsync(draft);
        return "/" + path;
    }

    private static DateTime AnHourAgo(TimeProvider clock)
    {
        var then = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        return new DateTime(then.Year, then.Month, then.Day, then.Hour, then.Minute, 0, DateTimeKind.Utc);
    }
}
