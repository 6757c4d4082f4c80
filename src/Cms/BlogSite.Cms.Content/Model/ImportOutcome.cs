namespace BlogSite.Cms.Content.Model;

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
}
