using System.Security.Claims;
using BlogSite.Cms.Admin.Security;
using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Blog.Editing;

/// Loads a post for its editor ("new" for a post not written yet) and checks, by named permission, what the user may
/// do with it: edit, publish, delete, preview (each "any" or "own"), upload images.
public sealed class PostEditorLoader(ContentStore store, ContentDrafts drafts, ContentPermissionCheck permissions)
{
    public const string NewId = "new";

    /// Null when there is no such post.
    public async Task<PostEditorState?> LoadAsync(string id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        ContentItem? latest = null, published = null, scheduled = null;
        if (id != NewId)
        {
            latest = await store.GetLatestAsync(id, cancellationToken);
            if (latest is null || latest.ContentType != BlogContentDefinitions.BlogPost)
            {
                return null;
            }

            published = latest.Published ? latest : await store.GetPublishedAsync(id, cancellationToken);
            scheduled = await drafts.ScheduledVersionAsync(id, cancellationToken);
        }

        var subject = latest ?? new ContentItem { Owner = userId };
        return new PostEditorState(
            userId,
            latest,
            published,
            scheduled,
            CanEdit: await permissions.CanAsync(user, AdminPermissions.EditContent, AdminPermissions.EditOwnContent, subject),
            CanPublish: await permissions.CanAsync(user, AdminPermissions.PublishContent, AdminPermissions.PublishOwnContent, subject),
            CanDelete: latest is not null && await permissions.CanAsync(user, AdminPermissions.DeleteContent, AdminPermissions.DeleteOwnContent, subject),
            CanPreview: await permissions.CanAsync(user, AdminPermissions.PreviewContent, AdminPermissions.PreviewOwnContent, subject),
            CanUploadMedia: await permissions.CanAsync(
                user, AdminPermissions.ManageMediaContent, AdminPermissions.ManageOwnMedia, new ContentItem { Owner = userId }),
            // Crediting a post to someone makes it theirs, so only those who may edit and publish anyone's posts may
            // (with "publish own" alone, crediting a post to oneself would be publishing someone else's).
            CanChooseAuthor: await permissions.CanAsync(user, AdminPermissions.EditContent, AdminPermissions.EditContent, subject)
                && await permissions.CanAsync(user, AdminPermissions.PublishContent, AdminPermissions.PublishContent, subject));
    }
}
