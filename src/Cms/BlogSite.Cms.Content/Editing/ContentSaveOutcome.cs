namespace BlogSite.Cms.Content.Editing;

public enum ContentSaveOutcome
{
    Saved,
    Published,
    Scheduled,

    /// Someone else saved the post since the editor opened it; nothing was written.
    Conflict,

    /// The form has problems, each for its field; nothing was written.
    Invalid,
}
