using BlogSite.Blog.Parts;
using BlogSite.Blog.Queries;
using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Blog.Display;

/// Which posts a post page links to: the next newer and older post and the related ones, as document ids. A published
/// post's are kept until the next change of any kind, not only of lists: publishing a new version of a neighbour
/// gives it a new document id without changing any list. A preview's are always read, since a draft changes nothing.
public sealed class PostNeighbourhood(GenerationalCache<long, PostSurroundings> known, SiteChangeFeed feed, BlogPostQueries posts)
{
    private const int RelatedCount = 3;

    public async Task<PostSurroundings> OfAsync(ContentItem post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var generation = feed.Generation;
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
