using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;

namespace BlogSite.Blog.Editing;

/// A post as its editor sees it (null versions for a new post) and what the signed-in user may do with it.
public sealed record PostEditorState(
    string? UserId,
    ContentItem? Latest,
    ContentItem? Published,
    ContentItem? Scheduled,
    bool CanEdit,
    bool CanPublish,
    bool CanDelete,
    bool CanPreview,
    bool CanUploadMedia,
    bool CanChooseAuthor)
{
    public ContentState State => ContentState.Of(Latest, Published is not null, Scheduled?.ScheduledPublishUtc);
}
