using BlogSite.Cms.Content.Caching;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Blog.Authors;

/// Finds the people posts are credited to (a post's owner). An author's page lives at their user name in lower case,
/// which Identity already keeps unique, so no second name has to be kept in step with it.
public sealed class AuthorDirectory(UserManager<CmsUser> users, GenerationalCache<string, Author> known, SiteChangeFeed feed)
{
    public const int Capacity = 10_000;

    /// Bylines are kept per change generation (a profile edit is a change): reading the user was an eighth of a post
    /// page's work even untracked.
    public async Task<Author?> ByIdAsync(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        var generation = feed.Generation;
        if (known.TryGet(userId, generation, out var kept))
        {
            return kept;
        }

        var author = Of(await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId));
        if (author is not null)
        {
            known.Set(userId, generation, author);
        }

        return author;
    }

    /// Only the lower-case address is the page, so one person never has two.
    public async Task<Author?> BySlugAsync(string? slug) =>
        string.IsNullOrEmpty(slug) || slug.Any(char.IsUpper) ? null : Of(await users.FindByNameAsync(slug));

    /// The authors of many posts in one query (a feed's items).
    public async Task<IReadOnlyDictionary<string, Author>> ByIdsAsync(IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        var found = await users.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        return found.Select(Of).OfType<Author>().ToDictionary(a => a.UserId);
    }

    private static Author? Of(CmsUser? user) =>
        user?.UserName is { Length: > 0 } name ? new Author(user.Id, user.ShownName, name.ToLowerInvariant(), user.Bio, UserPictures.UrlOf(user)) : null;
}
