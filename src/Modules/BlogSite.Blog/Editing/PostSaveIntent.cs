namespace BlogSite.Blog.Editing;

/// What the editor asked for: a draft, a background autosave, a preview (saved like an autosave, so previews do not
/// crowd the history), or publishing (now, or on the form's future date).
public enum PostSaveIntent
{
    Draft,
    Autosave,
    Preview,
    Publish,
}
