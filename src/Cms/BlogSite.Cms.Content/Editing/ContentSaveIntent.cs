namespace BlogSite.Cms.Content.Editing;

/// What the editor asked for: a draft, a background autosave, a preview (saved like an autosave, so previews do not
/// crowd the history), or publishing (now, or on the form's future date).
public enum ContentSaveIntent
{
    Draft,
    Autosave,
    Preview,
    Publish,
}
