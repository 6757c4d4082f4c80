namespace BlogSite.Cms.Content.Editing;

public enum ContentStateKind
{
    New,
    Draft,
    Published,
    Changed,
    Scheduled,
    Pending,
}
