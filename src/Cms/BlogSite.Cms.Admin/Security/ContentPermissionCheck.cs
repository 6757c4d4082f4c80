using System.Security.Claims;
using BlogSite.Cms.Content.Model;
using Microsoft.AspNetCore.Authorization;

namespace BlogSite.Cms.Admin.Security;

/// Orchard Core's pairs of permissions on content: the plain one covers every item, the "Own" one only items the
/// user owns.
public sealed class ContentPermissionCheck(IAuthorizationService authorization)
{
    public async Task<bool> CanAsync(ClaimsPrincipal user, string anyPermission, string ownPermission, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(item);
        if ((await authorization.AuthorizeAsync(user, anyPermission)).Succeeded)
        {
            return true;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && item.Owner == userId && (await authorization.AuthorizeAsync(user, ownPermission)).Succeeded;
    }

    /// The user's id when they may open only their own items (no EditContent), so lists show them nothing else; null
    /// when they may open every item.
    public async Task<string?> OnlyOwnItemsAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (await authorization.AuthorizeAsync(user, AdminPermissions.EditContent)).Succeeded
            ? null
            : user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    }
}
