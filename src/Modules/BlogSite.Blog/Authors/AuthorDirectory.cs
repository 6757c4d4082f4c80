using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Blog.Authors;

/// Finds the people posts are credited to (a post's owner). An author's page lives at their user name in lower case,
/// which Identity already keeps unique, so no second name has to be kept in step with it.
public sealed class AuthorDirectory(UserManager<CmsUser> users)
{
    /// Read without tracking: Identity's FindByIdAsync tracks the user, and that was a sixth of a post page's work.
    public async Task<Author?> ByIdAsync(string? userId) =>
        string.IsNullOrEmpty(userId) ? null : Of(await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId));

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
