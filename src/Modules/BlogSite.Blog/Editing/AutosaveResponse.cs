using BlogSite.Cms.Content.Editing;
using BlogSite.Cms.Content.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlogSite.Blog.Editing;

/// An autosave that landed: the post's id, the stamp to send with the next save, where the post stands now (the
/// status badge's words and class), and the addresses the editor posts to from now on (a new post has an id only
/// after its first save).
public sealed record AutosaveResponse(
    string Id, string Stamp, DateTime? SavedAt, string State, string StateClass, IReadOnlyDictionary<string, string> Links)
{
    public static AutosaveResponse For(ContentItem post, ContentState state, LinkGenerator links, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(links);
        var id = post.ContentItemId;
        string Page(string? handler) => links.GetPathByPage(context, "/Admin/Posts/Edit", handler, new { id }) ?? "";
        return new AutosaveResponse(id, post.ConcurrencyStamp, post.ModifiedUtc, state.Name, state.CssClass, new Dictionary<string, string>
        {
            ["edit"] = Page(null),
            ["save"] = Page("Save"),
            ["preview"] = Page("Preview"),
            ["publish"] = Page("Publish"),
            ["submit"] = Page("Submit"),
            ["unschedule"] = Page("Unschedule"),
            ["unpublish"] = Page("Unpublish"),
            ["delete"] = Page("Delete"),
            ["versions"] = links.GetPathByPage(context, "/Admin/Items/Versions", null, new { id }) ?? "",
            ["autosave"] = links.GetPathByName(context, PostEditorEndpoints.AutosaveName, new { id }) ?? "",
        });
    }
}

public sealed record AutosaveConflict(string Message, string? Stamp);

public sealed record AutosaveProblems(IReadOnlyDictionary<string, string> Errors);
