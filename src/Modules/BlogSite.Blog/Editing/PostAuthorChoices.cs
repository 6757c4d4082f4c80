using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Security;
using BlogSite.Cms.Content.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Blog.Editing;

/// Whom a post can be credited to: every enabled user whose roles let them write posts of their own or anyone's.
/// Offered to editors who may edit anyone's posts; the page checks that permission first.
public sealed class PostAuthorChoices(UserManager<CmsUser> users, RolePermissions permissions)
{
    /// Keeps the author the form names only when <paramref name="state"/> allows choosing one (anyone else's choice
    /// is dropped: the post stays credited as it was); returns a problem when the name is not on the list.
    public async Task<string?> SettleAsync(PostForm form, PostEditorState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(state);
        if (!state.CanChooseAuthor)
        {
            form.OwnerId = null;
        }

        return form.OwnerId is { Length: > 0 } owner && owner != state.Latest?.Owner
            && !(await ListAsync(cancellationToken)).Any(a => a.Id == owner)
            ? "Choose an author from the list: only people who may write posts can be credited."
            : null;
    }

    public async Task<IReadOnlyList<(string Id, string Name)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var writers = new List<(string, string)>();
        foreach (var user in await users.Users.Where(u => u.IsEnabled).OrderBy(u => u.UserName).ToListAsync(cancellationToken))
        {
            foreach (var role in await users.GetRolesAsync(user))
            {
                var granted = role == RoleNames.Administrator ? null : await permissions.OfAsync(role);
                if (granted is null || granted.Contains(AdminPermissions.EditOwnContent) || granted.Contains(AdminPermissions.EditContent))
                {
                    writers.Add((user.Id, user.UserName ?? user.Id));
                    break;
                }
            }
        }

        return writers;
    }
}
