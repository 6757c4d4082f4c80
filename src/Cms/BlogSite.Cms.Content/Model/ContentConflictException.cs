namespace BlogSite.Cms.Content.Model;

/// A save that would break a rule shared by items, such as two published items on one path.
public sealed class ContentConflictException(string property, string message) : Exception(message)
{
    public string Property { get; } = property;

    /// In a batch import, which item of the batch.
    public int? ItemIndex { get; init; }
}
