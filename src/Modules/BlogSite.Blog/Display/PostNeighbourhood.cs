using BlogSite.Blog.Parts;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Blog.Display;

/// Which posts a post page links to: the next newer and older post and the related ones. They depend on every post's
/// date and terms, so a published post's are kept until the next change to lists; a preview's are always read, since
/// a draft's terms change without one.
public sealed class PostNeighbourhood(GenerationalCache<long, PostSurroundings> known, SiteChangeFeed feed, BlogPostQueries posts)
{
    private const int RelatedCount = 3;

    public async Task<PostSurroundings> OfAsync(ContentItem post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var generation = feed.ListGeneration;
        if (post.Published && known.TryGet(post.Id, generation, out var kept))
        {
            return kept;
        }

        var fields = post.As<BlogPost>();
        var (newer, older) = await posts.NeighbourIdsAsync(post, cancellationToken);
        var related = await posts.RelatedIdsAsync(
            post, fields?.Tags?.TermContentItemIds ?? [], fields?.Category?.TermContentItemIds ?? [], RelatedCount, cancellationToken);
        var found = new PostSurroundings(newer, older, related);
        if (post.Published)
        {
            known.Set(post.Id, generation, found);
        }

        return found;
    }
}

/// Document ids of the posts a post page links to.
public sealed record PostSurroundings(long? Newer, long? Older, IReadOnlyList<long> Related);
